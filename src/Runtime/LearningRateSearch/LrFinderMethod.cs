namespace DeepDsl.LearningRateSearch;

/// <summary>The book's sweep (one epoch, all of it) or fastai's (100 steps, stops on divergence).</summary>
public enum LrFinderMethod { Book, Fastai }
