package org.blended.service.security.signin;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page. Spring Security's generated one says only "Invalid credentials" for every
 * failure; this one also says why a locked sign-in is refused and for how long.
 */
@Controller
class SignInPageController {

    private final ObjectProvider<ClientRegistrationRepository> oidc;

    SignInPageController(ObjectProvider<ClientRegistrationRepository> oidc) {
        this.oidc = oidc;
    }

    @GetMapping("/login")
    String signIn(HttpServletRequest request, Model model) {
        if (request.getParameter("error") != null) {
            HttpSession session = request.getSession(false);
            Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("problem", failure instanceof LockedException locked ? locked.getMessage()
                    : failure instanceof BadCredentialsException || failure == null ? "Wrong user name or password."
                    : "Sign-in failed; try again.");
        }
        if (request.getParameter("logout") != null) {
            model.addAttribute("message", "You have signed out.");
        }
        // Read here, not while the page is written: reading it may start the session.
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        model.addAttribute("csrf", csrf == null ? null : csrf.getToken());
        model.addAttribute("providers", providers());
        return "sign-in";
    }

    /** Each OIDC provider configured, by name, with the address that starts signing in there. */
    private Map<String, String> providers() {
        Map<String, String> providers = new LinkedHashMap<>();
        if (oidc.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object r : registrations) {
                if (r instanceof ClientRegistration registration) {
                    providers.put(registration.getClientName(), "/oauth2/authorization/" + registration.getRegistrationId());
                }
            }
        }
        return providers;
    }
}
