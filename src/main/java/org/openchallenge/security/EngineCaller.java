package org.openchallenge.security;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Who calls the engine's API: the HTTP Basic user of {@code /engine-rest} (Spring Security), or the user logged in to
 * the webapps (Camunda's session), with their groups and, for the webapps, the applications they may open.
 */
record EngineCaller(String userId, List<String> groups, Set<String> apps) {

  static final String ENGINE = "default";

  boolean isAdministrator() {
    return groups.contains(Roles.ADMINISTRATORS);
  }

  boolean isIn(String group) {
    return groups.contains(group);
  }

  boolean isInAny(List<String> candidates) {
    return candidates.stream().anyMatch(groups::contains);
  }

  /** The Basic-authenticated user of the API, if any. */
  static EngineCaller ofApi() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth.getPrincipal() == null
        || "anonymousUser".equals(auth.getPrincipal())) {
      return null;
    }
    List<String> groups = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX))
        .map(a -> a.substring(CamundaIdentityAuthenticationProvider.GROUP_PREFIX.length())).toList();
    return new EngineCaller(auth.getName(), groups, Set.of());
  }

  /** The user logged in to the webapps in this session, if any. */
  static EngineCaller ofWebapp(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications all = AuthenticationUtil.getAuthsFromSession(session);
    if (all == null || !(all.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user)) {
      return null;
    }
    return new EngineCaller(user.getIdentityId(),
        user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()),
        user.getAuthorizedApps() == null ? Set.of() : Set.copyOf(user.getAuthorizedApps()));
  }
}
