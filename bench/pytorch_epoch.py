#!/usr/bin/env python3
"""The same epoch as bench/Runtime.Bench (EpochBenchmark) in PyTorch-Python, on Debian's python3-torch
(the same libtorch 1.13 the shim links), with the same number of threads.

    /usr/bin/python3 bench/pytorch_epoch.py 32 128
"""
import sys
import time

import torch
import torch.nn as nn


def exercise_network():
    layers = [nn.Flatten()]
    inputs = 3072
    for _ in range(20):
        linear = nn.Linear(inputs, 100)
        nn.init.kaiming_normal_(linear.weight)
        nn.init.zeros_(linear.bias)
        layers += [linear, nn.ELU()]
        inputs = 100
    layers.append(nn.Linear(inputs, 10))
    return nn.Sequential(*layers)


def epoch(model, optimizer, x, y, batch_size, max_steps):
    permutation = torch.randperm(x.shape[0])
    total = torch.zeros(())
    for step, start in enumerate(range(0, x.shape[0], batch_size)):
        if step >= max_steps:
            break
        index = permutation[start:start + batch_size]
        logits = model(x.index_select(0, index))
        loss = nn.functional.cross_entropy(logits, y.index_select(0, index))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        with torch.no_grad():
            total.add_(loss.detach())
    return total.item()


def run(batch_size, examples=50_000, warmup_steps=50):
    torch.manual_seed(42)
    model = exercise_network()
    optimizer = torch.optim.NAdam(model.parameters(), lr=5e-5)
    x = torch.randn(examples, 3072)
    y = torch.randint(0, 10, (examples,))
    epoch(model, optimizer, x, y, batch_size, warmup_steps)
    start = time.perf_counter()
    epoch(model, optimizer, x, y, batch_size, 10**9)
    return time.perf_counter() - start


if __name__ == "__main__":
    print(f"threads={torch.get_num_threads()} torch={torch.__version__}")
    for batch in [int(b) for b in sys.argv[1:]] or [32, 128]:
        print(f"pytorch batch={batch} epoch_seconds={run(batch):.2f}")
