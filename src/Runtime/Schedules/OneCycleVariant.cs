namespace DeepDsl.Schedules;

/// <summary>Book: linear up and down, then far below (Géron's OneCycleScheduler). Fastai: cosine annealing with momentum cycling (fit_one_cycle).</summary>
public enum OneCycleVariant { Book, Fastai }
