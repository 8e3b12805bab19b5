package dev.keycard.core.token;

import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;

/** Turns java-jwt's exceptions into short client-safe sentences (java-jwt's own messages may quote claim values). */
final class Reasons {
    private Reasons() {
    }

    static String of(JWTVerificationException e) {
        if (e instanceof TokenExpiredException) {
            return "The token has expired";
        }
        if (e instanceof SignatureVerificationException || e instanceof AlgorithmMismatchException) {
            return "The token's signature is invalid";
        }
        if (e instanceof MissingClaimException m) {
            return "The token lacks the " + m.getClaimName() + " claim";
        }
        if (e instanceof IncorrectClaimException i) {
            String claim = i.getClaimName();
            if ("nbf".equals(claim) || "iat".equals(claim)) {
                return "The token is not valid yet";
            }
            return "The token's " + claim + " claim is not accepted";
        }
        if (e instanceof JWTDecodeException) {
            return "The token is malformed";
        }
        return "The token is invalid";
    }
}
