import _RNNMemCLI

// The process entry point: every command lives in the library target _RNNMemCLI.
await CommandLineTool.main()
