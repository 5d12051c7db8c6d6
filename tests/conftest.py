"""Settings shared by every test folder."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

# Property tests check what holds, not how fast: no per-example deadline and no "too slow" health check,
# so a busy machine (or a slower interpreter) cannot fail them.
settings.register_profile("project", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("project")
