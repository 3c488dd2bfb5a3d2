"""Property-based tests of the whole API from its own OpenAPI schema (schemathesis).

The schema is loaded from /api/schema/ through a real WSGI handler, and every operation gets
generated requests, valid ones (checked against the documented responses) and invalid ones:
none may ever answer with a server error. Detail operations are also called with the ids of
real content, so they answer 200 and not only 404. The number of examples is bounded so the
test runs in well under a minute.
"""

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

pytestmark = pytest.mark.django_db

CHECKS = {
    GenerationMode.POSITIVE: [not_a_server_error, response_schema_conformance],
    GenerationMode.NEGATIVE: [not_a_server_error],
}


@pytest.fixture
def wsgi_app():
    """Django's WSGI handler, as production runs it. Its request signals would close the
    database connection, and with it the test's transaction, so they are held off."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def real_ids(content):
    """Path parameters that find published content, per path prefix."""
    return {
        "/api/v1/programmes/": content.therapy.translation_key,
        "/api/v1/evaluations/": content.evaluation.translation_key,
        "/api/v1/implementation-reports/": content.report.translation_key,
        "/api/v1/materials/": content.poster.translation_key,
    }


def strategies(operation, ids):
    """(mode, strategy, examples): generated requests, valid and invalid; the schema's own
    examples (real vocabulary values); and, for a detail, the id of real content."""
    yield GenerationMode.POSITIVE, operation.as_strategy(), 12
    if len(operation.query) or len(operation.path_parameters):  # something to get wrong
        yield GenerationMode.NEGATIVE, operation.as_strategy(GenerationMode.NEGATIVE), 6
    for strategy in operation.get_strategies_from_examples():
        yield GenerationMode.POSITIVE, strategy, 2
    if "{id}" in operation.path:
        real = next(key for prefix, key in ids.items() if operation.path.startswith(prefix))
        yield GenerationMode.POSITIVE, operation.as_strategy(path_parameters={"id": str(real)}), 6


def run(mode, strategy, examples):
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def call(case):
        case.call_and_validate(checks=CHECKS[mode])

    call()


def test_no_request_makes_the_api_fail(content, wsgi_app):
    schema = schemathesis.openapi.from_wsgi("/api/schema/", wsgi_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 31
    ids = real_ids(content)
    for operation in operations:
        for mode, strategy, examples in strategies(operation, ids):
            run(mode, strategy, examples)
