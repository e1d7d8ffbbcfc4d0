from . import test_freight_crm_complaints_security
from . import test_freight_complaint_access
from . import test_freight_complaint_analysis
from . import test_freight_complaint_close_out
from . import test_freight_complaint_cron_scale
from . import test_freight_complaint_deadline
from . import test_freight_complaint_escalation
from . import test_freight_complaint_portal
