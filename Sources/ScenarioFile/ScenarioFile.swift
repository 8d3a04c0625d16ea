// Scenario files: JSON5 → Scenario with located errors. See ScenarioLoader.swift.
