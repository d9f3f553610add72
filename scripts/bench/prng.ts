// Benchmarks draw their inputs from the samples' seeded generator: same seed, same inputs everywhere.
export { SamplePrng as Prng } from '../../src/samples/prng';
