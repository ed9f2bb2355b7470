package dev.orgservice.platform.validation;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.OrgException;
import dev.orgservice.platform.problem.Problems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Validates every row of an import, naming each error by its row: {@code [3].code}. */
public final class Rows {

    /** Rows per import request; the command side records them in events of at most 1,000 rows. */
    public static final int MAX_IMPORT_ROWS = 20_000;

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

    /** A 400 listing every error, if there is any. */
    public static void requireNoErrors(List<Problems.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new OrgException(ErrorCode.VALIDATION, "The request is invalid", Map.of("errors", errors));
        }
    }

    /** A 400 unless the import has 1 to {@link #MAX_IMPORT_ROWS} rows. */
    public static void requireImportSize(List<?> rows) {
        if (rows.isEmpty() || rows.size() > MAX_IMPORT_ROWS) {
            throw OrgException.invalid("An import has 1 to " + MAX_IMPORT_ROWS + " rows", "body",
                    "1 to " + MAX_IMPORT_ROWS + " rows");
        }
    }
}
