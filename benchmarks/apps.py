from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """The load benchmark and soak (`manage.py bench`): the top layer, since it
    exercises the whole site."""

    name = "benchmarks"
    verbose_name = "Benchmarks"
