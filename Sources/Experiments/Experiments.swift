// Experiments: runs and sweeps written to folders. See RunToFolder.swift.
