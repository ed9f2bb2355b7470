package dev.orgservice.platform.validation;

import dev.orgservice.platform.problem.Problems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.List;

/** Validates every row of an import, naming each error by its row: {@code [3].code}. */
public final class Rows {

    private Rows() {
    }

    public static <T> List<Problems.FieldError> violations(Validator validator, List<T> rows) {
        List<Problems.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            T row = rows.get(i);
            if (row == null) {
                errors.add(new Problems.FieldError("[" + i + "]", "must be an object"));
                continue;
            }
            for (ConstraintViolation<T> violation : validator.validate(row)) {
                errors.add(new Problems.FieldError("[" + i + "]." + violation.getPropertyPath(), violation.getMessage()));
            }
        }
        return errors;
    }
}
