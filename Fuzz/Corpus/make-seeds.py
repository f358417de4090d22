#!/usr/bin/env python3
"""Writes the generated seeds of Fuzz/Corpus (the others are copies of the repository's own examples).

FuzzToken: valid AQ2 and AQ1 tokens signed with the fuzz
fixture's key (FuzzAllocatorFixture.tokenKey, id "fuzz1"), and tampered copies of them (a flipped
payload byte, a truncated tag, an unknown key id, a third dot). The layout is QRTokenLayout's:
  AQ2.<kid>.<base64url(booking u64 · slot minutes u32 · valid minutes u16 · NIK-hash prefix u64 · office · tag[16])>
  AQ1.<kid>.<base64url(booking u64 · slot s i64 · expiry s i64 · prefix u64 · 24 bytes · office)>.<base64url(tag[32])>
with the tag an HMAC-SHA256 over "AQn." · kid · 0x00 · payload.

FuzzStore: booking rows in the byte form StoreRows.read takes (a slot index, then per column a selector
byte, 4 to 7 meaning "plausible", and what the plausible value reads): a store that reopens cleanly, one
with a held and a checked-in booking, and one with a wrong-length NIK hash.

FuzzTime: instants of the request lines, in the forms the parser accepts and near misses."""
import base64, hashlib, hmac, os, struct

KEY = bytes.fromhex("9f1c2e7a4b6d8053c1e9a7f2b4d60e38a5174c9be20d63f8817ab4c05e9d2f63")
KID = b"fuzz1"
HERE = os.path.dirname(os.path.abspath(__file__))


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=")


def aq2(booking, slot_seconds, valid_minutes, prefix, office, kid=KID, key=KEY):
    payload = struct.pack(">QIHQ", booking, slot_seconds // 60, valid_minutes, prefix) + office
    tag = hmac.new(key, b"AQ2." + kid + b"\0" + payload, hashlib.sha256).digest()[:16]
    return b"AQ2." + kid + b"." + b64(payload + tag)


def aq1(booking, slot_seconds, expiry_seconds, prefix, office):
    payload = struct.pack(">QqqQ", booking, slot_seconds, expiry_seconds, prefix) + bytes(24) + office
    tag = hmac.new(KEY, b"AQ1." + KID + b"\0" + payload, hashlib.sha256).digest()
    return b"AQ1." + KID + b"." + b64(payload) + b"." + b64(tag)


SLOT = 1_795_392_000  # 2026-11-23T08:00+08:00
seeds = {
    "valid-aq2": aq2(1, SLOT, 24 * 60, 0x1234_5678_9ABC_DEF0, b"kel-sidodadi"),
    "valid-aq2-late-slot": aq2(2**40, SLOT + 9 * 3600, 65535, 2**64 - 1, b"kel-sungai-pinang-dalam"),
    "valid-aq1": aq1(7, SLOT, SLOT + 86_400, 42, b"kel-air-hitam"),
    "unknown-key": aq2(1, SLOT, 60, 1, b"kel-sidodadi", kid=b"2026a", key=b"x" * 32),
}
valid = seeds["valid-aq2"]
body = bytearray(valid.split(b".")[2])
body[3] = ord("A") if body[3] != ord("A") else ord("B")
seeds["tampered-payload"] = b"AQ2.fuzz1." + bytes(body)
seeds["truncated-tag"] = valid[:-4]
seeds["extra-dot"] = valid + b".x"
seeds["aq1-tag-cut"] = seeds["valid-aq1"][:-10]
seeds["not-a-token"] = b"AQ3.fuzz1.AAAA"



def row(slot_index, nik_byte, state, pool=0, hold=None, checked_in=None, appointment=None):
    """One row: plausible columns (selector 4) but for the optional times (selector 0: NULL); the
    appointment is minutes after the slot start (NULL: the slot start, as rows before templates)."""
    out = bytes([slot_index])
    out += bytes([4])  # id = row number
    out += bytes([4, 0])  # office kel-sidodadi
    out += bytes([4, 0])  # service ktp
    out += bytes([4])  # slot start
    out += bytes([4]) + bytes([nik_byte]) * 32  # NIK hash
    out += bytes([4, 1])  # account hp-1
    out += bytes([4, pool])  # pool
    out += bytes([4, ["held", "booked", "checked_in", "cancelled"].index(state)])  # state
    out += bytes([4, 24])  # created a day before the slot
    out += bytes([4, 30])  # updated half an hour before
    out += bytes([4, hold]) if hold is not None else bytes([0])  # hold expiry
    out += bytes([4, 0])  # reschedules
    out += bytes([0])  # idempotency key NULL
    out += bytes([4, checked_in]) if checked_in is not None else bytes([0])
    out += bytes([4, appointment]) if appointment is not None else bytes([0])
    return out


store = {
    "three-booked": row(0, 1, "booked") + row(1, 2, "booked") + row(2, 3, "booked"),
    "held-and-checked-in": row(4, 5, "held", hold=200) + row(5, 6, "checked_in", checked_in=50),
    "short-nik-hash": row(0, 1, "booked")[:7] + bytes([3, 8]) + b"12345678" + row(0, 1, "booked")[40:],
    "own-minutes": row(0, 1, "booked", appointment=5) + row(0, 2, "booked", appointment=10)
    + row(1, 3, "booked", appointment=20),
}
times = {
    "offset": b"2026-11-22T12:00:00+08:00",
    "utc": b"2026-11-23T01:00:00Z",
    "no-seconds": b"2026-11-23T08:00+08:00",
    "space": b"2026-11-23 08:00:00-05:30",
    "leap-day": b"2028-02-29T23:59:59+14:00",
    "not-a-date": b"2026-02-30T08:00:00Z",
    "date-only": b"2026-11-23",
}

for folder, seeds_of_folder in (("FuzzToken", seeds), ("FuzzStore", store), ("FuzzTime", times)):
    os.makedirs(os.path.join(HERE, folder), exist_ok=True)
    for name, data in seeds_of_folder.items():
        with open(os.path.join(HERE, folder, name), "wb") as file:
            file.write(data)
