package org.okrpm.project.task;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.okrpm.kit.http.MergePatcher;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.problem.ProblemExceptionMappers;
import org.okrpm.kit.problem.ProblemType;

/**
 * The failures of a bulk change's items, each named by its index ({@code changes[3].weight}). An item's failure
 * is turned into field errors by the kit's own problem mappers, so it reads exactly as PATCH would answer it.
 */
final class BulkErrors {

    private static final ProblemExceptionMappers MAPPERS = new ProblemExceptionMappers();

    private final List<Problem.FieldError> errors = new ArrayList<>();
    private int failedItems;

    /** Records why item {@code index} cannot be applied; anything but a client's mistake is thrown on. */
    void add(int index, RuntimeException failure) {
        String item = "changes[" + index + "]";
        Problem problem = problemOf(failure);
        failedItems++;
        if (problem.errors() == null || problem.errors().isEmpty()) {
            // 404, 409, 412: about the item as a whole; a 404 is about the task its id names
            String field = problem.status() == ProblemType.NOT_FOUND.status() ? item + ".id" : item;
            errors.add(new Problem.FieldError(field, problem.detail()));
            return;
        }
        for (Problem.FieldError error : problem.errors()) {
            String field = error.field() == null || error.field().isEmpty() || error.field().equals("body")
                    ? item : item + "." + error.field();
            errors.add(new Problem.FieldError(field, error.message()));
        }
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The one answer for them all: 422, nothing applied. */
    ProblemException problem(int items) {
        return new ProblemException(ProblemType.UNPROCESSABLE, failedItems + " of " + items
                + " changes cannot be applied, so none was (see errors)", List.copyOf(errors), null);
    }

    private static Problem problemOf(RuntimeException failure) {
        Response response;
        if (failure instanceof ProblemException e) {
            response = MAPPERS.problem(e, null);
        } else if (failure instanceof ConstraintViolationException e) {
            response = MAPPERS.violations(e, null);
        } else if (failure instanceof MergePatcher.PatchUnreadableException e) {
            response = MAPPERS.unreadablePatch(e, null);
        } else {
            throw failure;
        }
        return (Problem) response.getEntity();
    }
}
