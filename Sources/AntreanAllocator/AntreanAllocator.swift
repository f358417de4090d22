// Module AntreanAllocator: see README.md. Filled in by its issue.
