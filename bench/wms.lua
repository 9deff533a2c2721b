-- wrk script of `make bench` (scripts/bench-wms.sh): WMS GetMap requests for the tiles of a seeded tile list, as a
-- tiled WMS client (QGIS, Leaflet, OpenLayers) asks for them: 256 × 256 PNG in EPSG:3857, one per z/x/y line of
-- TILE_LIST, each thread starting at its own offset. WMS_LAYERS names the layers.
local list = os.getenv("TILE_LIST") or "bench/artifacts/tiles.txt"
local layers = os.getenv("WMS_LAYERS") or "village_indicators"
local paths = {}
local position = 1
local counter = 0
local half = 20037508.342789244

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 997)
end

function init(args)
  for line in io.lines(list) do
    local z, x, y = line:match("(%d+)/(%d+)/(%d+)")
    local size = 2 * half / (2 ^ tonumber(z))
    local minx = -half + tonumber(x) * size
    local maxy = half - tonumber(y) * size
    paths[#paths + 1] = string.format(
      "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=%s&STYLES=&CRS=EPSG:3857&BBOX=%.3f,%.3f,%.3f,%.3f&WIDTH=256&HEIGHT=256&FORMAT=image/png",
      layers, minx, maxy - size, minx + size, maxy)
  end
  position = (offset or 0) % #paths + 1
end

function request()
  local path = paths[position]
  position = position % #paths + 1
  return wrk.format("GET", path)
end
