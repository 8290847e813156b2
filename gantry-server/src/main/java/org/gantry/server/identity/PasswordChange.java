package org.gantry.server.identity;

public record PasswordChange(String currentPassword, String newPassword) {}
