// Module AntreanScenario: see README.md. Filled in by its issue.
