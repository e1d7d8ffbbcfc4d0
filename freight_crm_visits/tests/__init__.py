from . import test_customer_care
from . import test_freight_crm_visits_install
from . import test_visit_flow
from . import test_visit_planning
from . import test_visit_review
from . import test_visit_security
from . import test_visit_survey
from . import test_visit_views
