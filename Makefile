# Freight CRM — see README.md.
#   make run     [PORT=8069] [DB=freight_crm] [RESET=1] [DEMO=0] [WORKERS=N] [PROXY=1]
#   make test    [PYTEST_ARGS="-k grade"]
#   make backup  [DB=freight_crm] [FILE=.local/backups/x.zip]
#   make restore FILE=backup.zip [DB=name] [FORCE=1]
#   make backup-check [DB=freight_crm]   backup/restore round trip, prints figures
#   make soak    [SOAK_PARTS="load concurrency crash"] [SOAK_SECONDS=60] [SOAK_CLIENTS=20] [SOAK_WORKERS=4]
#                the long proofs (load, concurrency, crash-resume), every figure printed at the end
#   make proofs  [PROOFS="concurrency crash"] [PROOF_DB=freight_proofs] [CRASH_CUSTOMERS=10000]
#                the concurrency and crash-resume parts of make soak alone
#   make bench   [N=100000] [BENCH_DB=freight_crm_bench] [PROFILE=dir] [UPDATE=1]
#   make screenshots [SHOTS_DB=freight_shots] [SHOTS_LANGS=zh_CN,en_US] [SHOTS_ROLES=sales,manager] [SHOTS_URL=http://...]
.PHONY: run test lint i18n backup restore backup-check soak proofs bench screenshots

run:
	@bash scripts/run.sh

test:
	@bash scripts/test.sh $(PYTEST_ARGS)

lint:
	@bash scripts/lint.sh

i18n:
	@bash scripts/i18n.sh

backup:
	@bash scripts/backup.sh

restore:
	@bash scripts/restore.sh

backup-check:
	@bash scripts/backup_roundtrip.sh

soak:
	@bash scripts/soak.sh

proofs:
	@bash scripts/proofs.sh

bench:
	@bash scripts/bench.sh

screenshots:
	@bash scripts/screenshots.sh
