package org.boundarylab;

public final class Main {
    public static void main(String[] args) {
        System.out.println("Boundary Lab");
    }
}
