"""Seeds a large community, serves it with gunicorn and loads it with wrk.

Above articles in the dependency chain (community <- forum <- articles <- benchmarks):
nothing imports it. The wrk scripts are in wrk/.
"""
