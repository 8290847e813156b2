package org.gantry.server.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class GantryUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    GantryUserDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return jdbc.sql("""
                select id, email, name, system_admin, active, credentials_version, password_hash from app_user
                where lower(email) = lower(?)
                """)
                .param(email == null ? "" : email.strip())
                .query((rs, row) -> new GantryUserDetails(
                        new CurrentUser(
                                rs.getLong("id"),
                                rs.getString("email"),
                                rs.getString("name"),
                                rs.getBoolean("system_admin")),
                        rs.getBoolean("active"),
                        rs.getInt("credentials_version"),
                        rs.getString("password_hash")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
