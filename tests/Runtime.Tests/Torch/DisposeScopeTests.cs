using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Torch;

public sealed class DisposeScopeTests
{
    [Fact]
    public void Tensors_created_in_a_scope_are_disposed_when_it_ends()
    {
        Tensor a, b, c;
        using (var scope = torch.NewDisposeScope())
        {
            a = torch.ones([2]);
            b = a + 1.0;
            c = b.sum();
            Assert.Equal(3, scope.Count);
        }
        Assert.True(a.IsDisposed);
        Assert.True(b.IsDisposed);
        Assert.True(c.IsDisposed);
    }

    [Fact]
    public void Tensors_created_outside_any_scope_are_not_disposed_by_a_later_scope()
    {
        using var outside = torch.ones([2]);
        using (torch.NewDisposeScope()) _ = outside + 1.0;
        Assert.False(outside.IsDisposed);
    }

    [Fact]
    public void A_scope_disposes_its_tensors_when_an_exception_leaves_it()
    {
        Tensor? a = null;
        Assert.Throws<TorchException>(() =>
        {
            using var scope = torch.NewDisposeScope();
            a = torch.ones([2]);
            _ = a.view(3);
        });
        Assert.True(a!.IsDisposed);
    }

    [Fact]
    public void MoveToOuterDisposeScope_hands_a_tensor_to_the_enclosing_scope()
    {
        Tensor moved;
        using (var outer = torch.NewDisposeScope())
        {
            using (torch.NewDisposeScope()) moved = torch.ones([2]).MoveToOuterDisposeScope();
            Assert.False(moved.IsDisposed);
            Assert.Equal(1, outer.Count);
        }
        Assert.True(moved.IsDisposed);
    }

    [Fact]
    public void MoveToOuterDisposeScope_from_the_outermost_scope_leaves_the_tensor_to_the_caller()
    {
        Tensor moved;
        using (torch.NewDisposeScope()) moved = torch.ones([2]).MoveToOuterDisposeScope();
        Assert.False(moved.IsDisposed);
        moved.Dispose();
    }

    [Fact]
    public void DetachFromDisposeScope_takes_a_tensor_out_of_every_scope()
    {
        Tensor detached;
        using (torch.NewDisposeScope())
        using (torch.NewDisposeScope())
            detached = torch.ones([2]).DetachFromDisposeScope();
        Assert.False(detached.IsDisposed);
        Assert.Equal([1f, 1f], detached.ToArray<float>());
        detached.Dispose();
    }

    [Fact]
    public void A_nested_scope_disposes_only_its_own_tensors()
    {
        using var outer = torch.NewDisposeScope();
        var a = torch.ones([2]);
        Tensor b;
        using (var inner = torch.NewDisposeScope())
        {
            b = a * 3.0;
            Assert.Equal(1, inner.Count);
        }
        Assert.True(b.IsDisposed);
        Assert.False(a.IsDisposed);
        Assert.Equal(1, outer.Count);
    }

    [Fact]
    public void Tensors_made_after_an_inner_scope_ends_belong_to_the_outer_one()
    {
        using var outer = torch.NewDisposeScope();
        using (torch.NewDisposeScope()) _ = torch.ones([1]);
        var later = torch.ones([1]);
        Assert.Equal(1, outer.Count);
        Assert.False(later.IsDisposed);
    }

    [Fact]
    public void Disposing_a_tensor_early_removes_it_from_its_scope()
    {
        using var scope = torch.NewDisposeScope();
        var t = torch.ones([2]);
        t.Dispose();
        Assert.Equal(0, scope.Count);
    }

    [Fact]
    public void Disposing_an_outer_scope_before_its_inner_one_is_refused_and_leaves_both_intact()
    {
        var outer = torch.NewDisposeScope();
        var a = torch.ones([1]);
        var inner = torch.NewDisposeScope();
        var b = torch.ones([1]);
        Assert.Throws<InvalidOperationException>(() => outer.Dispose());
        Assert.False(a.IsDisposed);
        inner.Dispose();
        outer.Dispose();
        Assert.True(a.IsDisposed);
        Assert.True(b.IsDisposed);
        using var next = torch.NewDisposeScope();
        _ = torch.ones([1]);
        Assert.Equal(1, next.Count);
    }

    [Fact]
    public void Each_thread_has_its_own_scopes()
    {
        using var scope = torch.NewDisposeScope();
        Tensor? other = null;
        var thread = new Thread(() => other = torch.ones([2]));
        thread.Start();
        thread.Join();
        Assert.Equal(0, scope.Count);
        Assert.False(other!.IsDisposed);
        other.Dispose();
    }
}
