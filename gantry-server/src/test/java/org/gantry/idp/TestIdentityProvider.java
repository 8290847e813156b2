package org.gantry.idp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the tests: Spring Authorization Server in a Spring context of its
 * own, on a random port, with users the tests add (each with the e-mail it vouches for, verified or
 * not). It knows nothing of Gantry: Gantry discovers it through its issuer address, sends the browser
 * to its login page and exchanges the code for tokens over HTTP, as with any provider.
 *
 * <p>It answers as {@code localhost} while tests reach Gantry as {@code 127.0.0.1}: cookies do not
 * tell ports apart, and Spring Authorization Server refuses {@code localhost} in redirect addresses.
 */
public final class TestIdentityProvider {

    public static final String CLIENT_ID = "gantry";
    public static final String CLIENT_SECRET = "gantry-test-secret";

    private static volatile ConfigurableApplicationContext context;
    private static final Map<String, Claims> CLAIMS = new ConcurrentHashMap<>();

    record Claims(String email, boolean verified, String name) {}

    private TestIdentityProvider() {}

    /** Starts it once per test JVM; returns the issuer address. */
    public static synchronized String issuer() {
        if (context == null) {
            context = new SpringApplicationBuilder(Server.class)
                    .properties(
                            "spring.config.name=test-identity-provider",
                            "server.port=0",
                            "server.servlet.session.cookie.name=IDPSESSION",
                            "spring.main.banner-mode=off",
                            "spring.jmx.enabled=false",
                            "logging.level.org.springframework.security=INFO")
                    .run();
        }
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** A person who can sign in at the provider, and what it tells Gantry about them. */
    public static void addUser(String username, String password, String email, boolean emailVerified, String name) {
        issuer();
        context.getBean(InMemoryUserDetailsManager.class)
                .createUser(User.withUsername(username)
                        .password("{noop}" + password)
                        .roles("USER")
                        .build());
        CLAIMS.put(username, new Claims(email, emailVerified, name));
    }

    /** Registers Gantry as a client with the address the provider sends the browser back to. */
    public static void allowRedirectTo(String redirectUri) {
        issuer();
        context.getBean(InMemoryRegisteredClientRepository.class).save(client(redirectUri));
    }

    private static RegisteredClient client(String redirectUri) {
        return RegisteredClient.withId("gantry-client")
                .clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.EMAIL)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .build())
                .build();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = DataSourceAutoConfiguration.class)
    static class Server {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                        http.securityMatcher(server.getEndpointsMatcher());
                        server.oidc(Customizer.withDefaults());
                    })
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain login(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager();
        }

        @Bean
        InMemoryRegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(client("http://127.0.0.1/unused"));
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build();
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> emailInTheIdToken() {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    Claims claims = CLAIMS.get(context.getPrincipal().getName());
                    if (claims != null) {
                        context.getClaims().claim("email", claims.email());
                        context.getClaims().claim("email_verified", claims.verified());
                        context.getClaims().claim("name", claims.name());
                    }
                }
            };
        }

        /** For the provider's own user-info endpoint, which reads the access tokens it issued. */
        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return NimbusJwtDecoder.withJwkSource(keys).build();
        }

        @Bean
        JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }
    }
}
