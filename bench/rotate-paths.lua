-- wrk script: GET the paths of WRK_PATHS (separated by spaces) in turn, to warm an
-- application up on all its pages at once before each page is measured on its own.
paths = {}
for path in string.gmatch(os.getenv("WRK_PATHS") or "/", "%S+") do
  table.insert(paths, path)
end
index = 0

request = function()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end
