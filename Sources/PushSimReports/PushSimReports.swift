// Reports: HTML pages, CSV files and summary.json read back. See RunReport.swift.
