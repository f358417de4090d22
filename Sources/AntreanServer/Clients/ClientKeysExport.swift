// The keys file's types (ClientKey, ClientKeyFile, ClientRole) live in AntreanClientKeys, which the fuzz
// package builds without Hummingbird; the server re-exports them, so its users see them as before.
@_exported import AntreanClientKeys
