// Embedding crosscheck in a C++ service: check two articles held in memory.
#include <crosscheck/crosscheck.h>

#include <iostream>

int main() {
  std::vector<crosscheck::Document> docs(2);
  docs[0].id = "early";
  docs[0].published = "2024-07-12";
  docs[0].text = "The official opening date for the new bridge is yet to be announced.";
  docs[1].id = "late";
  docs[1].published = "2025-03-02";
  docs[1].text = "The new bridge was officially opened on March 1, 2025.";

  auto report = crosscheck::check(docs);
  if (!report) {
    std::cerr << report.error().message() << "\n";
    return 2;
  }
  std::cout << crosscheck::to_text(*report);
  return 0;
}
