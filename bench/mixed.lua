-- wrk script of the `make bench` load run: a morning's mix of map traffic. Seven requests in ten are tiles of the
-- seeded tile list; three are feature pages around the same places (a bbox of a tile, 50 villages).
-- TILE_LIST names the list (z/x/y per line).
local list = os.getenv("TILE_LIST") or "bench/artifacts/tiles.txt"
local paths = {}
local position = 1
local counter = 0

local function tile_bbox(z, x, y)
  local n = 2 ^ z
  local function lon(tx) return tx / n * 360 - 180 end
  local function lat(ty) return math.deg(math.atan(math.sinh(math.pi * (1 - 2 * ty / n)))) end
  return string.format("%.5f,%.5f,%.5f,%.5f", lon(x), lat(y + 1), lon(x + 1), lat(y))
end

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 997)
end

function init(args)
  local i = 0
  for line in io.lines(list) do
    i = i + 1
    local z, x, y = line:match("(%d+)/(%d+)/(%d+)")
    if i % 10 < 7 then
      paths[#paths + 1] = "/tiles/village_indicators/" .. line .. ".mvt"
    else
      paths[#paths + 1] = "/collections/village_indicators/items?limit=50&bbox=" .. tile_bbox(tonumber(z), tonumber(x), tonumber(y))
    end
  end
  position = (offset or 0) % #paths + 1
end

function request()
  local path = paths[position]
  position = position % #paths + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  io.write(string.format("LOAD p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f requests=%d errors_status=%d errors_connect=%d errors_read=%d errors_timeout=%d\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.timeout))
end
