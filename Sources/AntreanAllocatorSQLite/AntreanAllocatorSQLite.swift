// Module AntreanAllocatorSQLite: see README.md. Filled in by its issue.
