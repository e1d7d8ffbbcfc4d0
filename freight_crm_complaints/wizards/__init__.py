from . import freight_complaint_quarter_report
