// Every benchmark in bench/, one after another; each prints its own figures.
await import('./engine-startup.js');
await import('./rtp-pacing.js');
await import('./resampler.js');
await import('./flow-interpreter.js');
await import('./publish-latency.js');
await import('./call-events.js');
await import('./inbox-queries.js');
await import('./queue-load.js');
await import('./editor-frames.js');
