from .measured_fields import MeasuredFloat, MeasuredInteger
from . import roles, settings
from .cron_batch import freight_cron_batches, freight_keyset_batches
from .indicator_migration import freight_update_shipped_indicators
