# DesaGis — the two commands are `make run` and `make test`; see README.md.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PORT ?= 8080
BIND ?= 127.0.0.1
CONFIG ?= Release
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE := 1

CLI := dotnet src/DesaGis.Cli/bin/$(CONFIG)/net10.0/desagis.dll
SERVER := dotnet src/DesaGis.Server/bin/$(CONFIG)/net10.0/DesaGis.Server.dll
# The connection string: DESAGIS_DATABASE when set, else the private cluster's.
WITH_DB = export DESAGIS_DATABASE="$$(scripts/db.sh url)";

.PHONY: help run test bench stop clean deps deps-test db build build-app viewer migrate data planner-key

help:
	@echo "make run    install what is missing, start PostGIS, load the real places of geodata/, serve on http://$(BIND):$(PORT)"
	@echo "make test   the same set-up, then every test"
	@echo "make bench  benchmarks and load runs, written to bench/RESULTS.md"
	@echo "make stop   stop the private PostGIS cluster"
	@echo "make clean  remove build outputs and .data/"

deps:
	@scripts/deps.sh run

deps-test:
	@scripts/deps.sh test

db:
	@scripts/db.sh start

build:
	dotnet build DesaGis.sln -c $(CONFIG) --nologo -clp:ErrorsOnly -v:q

# Only what make run needs: the server and the CLI (the tests are built by make test).
build-app:
	dotnet build src/DesaGis.Server -c $(CONFIG) --nologo -clp:ErrorsOnly -v:q
	dotnet build src/DesaGis.Cli -c $(CONFIG) --nologo -clp:ErrorsOnly -v:q

viewer:
	@scripts/viewer.sh

migrate: db $(if $(filter test,$(MAKECMDGOALS)),build,build-app)
	@$(WITH_DB) $(CLI) db migrate

# The real places of geodata/real (and the example programmes of geodata/contoh), through the importer.
data: migrate
	@$(WITH_DB) $(CLI) geodata load

run: deps db viewer build-app data planner-key
	@echo "DesaGis on http://$(BIND):$(PORT)  (Ctrl+C to stop the server; 'make stop' stops PostGIS)"
	@echo "Viewer: http://$(BIND):$(PORT)/viewer/   planner key (for running and saving plans): $$(cat .data/planner.key)"
	@$(WITH_DB) cd src/DesaGis.Server && exec dotnet bin/$(CONFIG)/net10.0/DesaGis.Server.dll --urls http://$(BIND):$(PORT)

test: deps-test db viewer build data
	@$(WITH_DB) scripts/test.sh $(CONFIG)

bench: deps db viewer
	@scripts/deps.sh bench
	@$(WITH_DB) scripts/bench.sh

# A local planner key, so the viewer can run and save plans on this machine; kept in .data/ (mode 600).
planner-key: migrate
	@if [[ ! -s .data/planner.key ]]; then mkdir -p .data; umask 077; \
	  $(WITH_DB) $(CLI) keys create "local-planner-$$(date +%Y%m%d%H%M%S)" --role planner --quiet > .data/planner.key; fi

stop:
	@scripts/db.sh stop

clean:
	@scripts/db.sh destroy
	rm -rf src/*/bin src/*/obj tests/*/bin tests/*/obj src/DesaGis.Viewer/node_modules src/DesaGis.Server/wwwroot/viewer/dist bench/artifacts
