package com.sqltables.devhost.services.template;

import org.apache.velocity.runtime.RuntimeServices;
import org.apache.velocity.runtime.log.LogChute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Velocity's log, routed to the dev host's log. */
final class Slf4jLogChute implements LogChute {
    private static final Logger log = LoggerFactory.getLogger("velocity");

    @Override
    public void init(RuntimeServices services) {
        // Logger is static.
    }

    @Override
    public void log(int level, String message) {
        log(level, message, null);
    }

    @Override
    public void log(int level, String message, Throwable t) {
        switch (level) {
            case ERROR_ID:
                log.error(message, t);
                break;
            case WARN_ID:
                log.warn(message, t);
                break;
            case INFO_ID:
                log.debug(message, t);
                break;
            default:
                log.trace(message, t);
        }
    }

    @Override
    public boolean isLevelEnabled(int level) {
        switch (level) {
            case ERROR_ID:
                return log.isErrorEnabled();
            case WARN_ID:
                return log.isWarnEnabled();
            case INFO_ID:
                return log.isDebugEnabled();
            default:
                return log.isTraceEnabled();
        }
    }
}
