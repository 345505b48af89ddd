using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Shian.Benchmarks.PlanParsingBenchmarks).Assembly).Run(args);
