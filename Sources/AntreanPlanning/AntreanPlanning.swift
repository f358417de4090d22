// Module AntreanPlanning: see README.md. Filled in by its issue.
