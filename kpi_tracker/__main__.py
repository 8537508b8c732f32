"""``python -m kpi_tracker`` is the ``kpi-tracker`` command."""

from .cli import main

if __name__ == "__main__":
    main()
