package org.okrpm.e2e.fuzz;

/**
 * One hostile request: an operation with exactly one thing made hostile.
 *
 * @param path the concrete path (ids filled in), without the query
 * @param mutation what was made hostile, for the report: {@code body budget.amount = 1e309}
 * @param baselineBody the valid body the mutation started from, to find the fixtures it names
 * @param mustBeRefused the input rules refuse it ({@link InputRules}): a 2xx is a finding
 */
record FuzzCase(ApiOperation operation, Hostility hostility, String mutation, String path, String query,
                String body, FuzzHttp.BodyMode bodyMode, String baselineBody, boolean mustBeRefused) {

    String method() {
        return operation.method();
    }

    String pathAndQuery() {
        return query == null ? path : path + "?" + query;
    }
}
