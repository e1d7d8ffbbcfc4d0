# Freight CRM — see README.md.
#   make run   [PORT=8069] [DB=freight_crm] [RESET=1]
#   make test  [PYTEST_ARGS="-k grade"]
.PHONY: run test lint i18n

run:
	@bash scripts/run.sh

test:
	@bash scripts/test.sh $(PYTEST_ARGS)

lint:
	@bash scripts/lint.sh

i18n:
	@bash scripts/i18n.sh
