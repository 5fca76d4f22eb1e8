// The baseline of dcs-bench's cold start: a bare QMainWindow with a QTableView of eight columns,
// built like the console (same compiler, flags and Qt), that says "first frame" once painted and
// quits.

#include "app/FirstFrameExit.h"

#include <QApplication>
#include <QMainWindow>
#include <QStandardItemModel>
#include <QTableView>

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    QMainWindow window;
    auto *table = new QTableView(&window);
    table->setModel(new QStandardItemModel(0, 8, table));
    window.setCentralWidget(table);
    window.resize(1360, 860); // the console's own size
    exitAfterFirstFrame(&window);
    window.show();
    return QApplication::exec();
}
