// Federation must negotiate shared modules before any of them runs, hence the async boundary.
void import('./bootstrap');
