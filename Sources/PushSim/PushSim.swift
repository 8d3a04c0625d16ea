// The push-sync model; see Simulation.swift.
