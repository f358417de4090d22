// Module AntreanCity: see README.md. Filled in by its issue.
