package io.minik8s.grader.course;

/** One row of a lesson's exercise table: the id students see, its title and its points. */
public record Exercise(String id, String title, int points) {}
