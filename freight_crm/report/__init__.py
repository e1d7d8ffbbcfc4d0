from . import freight_kpi_report
