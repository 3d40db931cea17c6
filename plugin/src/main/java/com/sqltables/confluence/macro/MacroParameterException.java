package com.sqltables.confluence.macro;

import com.sqltables.confluence.ValidationException;
import java.util.Map;

/**
 * A macro parameter is missing, malformed or contradicts another. {@link #getFieldErrors()} maps the
 * macro parameter's name to what is wrong; {@link #getMessage()} reads as one sentence per parameter,
 * e.g. {@code Macro parameter 'maxRows' must be a whole number from 1 to 1000000 (was 'ten').}
 */
public class MacroParameterException extends ValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param parameter the macro parameter's name, e.g. {@code maxRows}
     * @param problem what is wrong, completing "Macro parameter 'maxRows' …"
     */
    public MacroParameterException(String parameter, String problem) {
        super(parameter, problem);
    }

    @Override
    public String getMessage() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : getFieldErrors().entrySet()) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append("Macro parameter '").append(e.getKey()).append("' ").append(e.getValue()).append('.');
        }
        return b.toString();
    }
}
