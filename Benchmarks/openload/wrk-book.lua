-- wrk script for `antrean serve`: every request a new citizen booking POST /v1/bookings, placed by the
-- policy from a home office (rotating over OFFICES), with a distinct, structurally valid NIK and its own
-- Idempotency-Key. Numbers are per wrk thread (thread t counts from t * 10,000,000), and the NIK comes
-- from the number as in openload.c (region 647201, birth date DD MM YY in mixed radix, serial 0001-9999),
-- so no two requests of a run share a NIK or a key.
-- Set by scripts/serve-load.sh before the script runs: KEY (the client key), OFFICES (a Lua table).
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("first", threads * 10000000)
end

local count = 0
local function nik(n)
  local serial = n % 9999 + 1
  n = math.floor(n / 9999)
  local day = n % 28 + 1
  n = math.floor(n / 28)
  local month = n % 12 + 1
  local year = math.floor(n / 12) % 100
  return string.format("647201%02d%02d%02d%04d", day, month, year, serial)
end

function request()
  local n = first + count
  count = count + 1
  local body = '{"nik":"' .. nik(n) .. '","service":"ktp","homeOffice":"' .. OFFICES[n % #OFFICES + 1] .. '"}'
  return wrk.format("POST", "/v1/bookings", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. KEY,
    ["Idempotency-Key"] = "wrk-" .. n,
  }, body)
end
