<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ru">
<context>
    <name>CrashHook</name>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="83"/>
        <source>Произошла непредвиденная ошибка.</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="86"/>
        <source>Ваши данные сохранены. Подробности записаны в журнал программы:
%1
Отправьте этот файл в службу поддержки.</source>
        <translation>Your data are saved. The details are in the program log:
%1
Please send this file to support.</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="37"/>
        <source>Подключение к порталу ПФДО</source>
        <translation>Connect to the PFDO portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="42"/>
        <source>Этот компьютер ещё не подключён к региональному порталу. Введите адрес портала и одноразовый код подключения, который выдал муниципальный опорный центр.</source>
        <translation>This computer is not connected to the regional portal yet. Enter the portal address and the one-time enrolment code issued by the municipal support centre.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="59"/>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="113"/>
        <source>Подключить</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="60"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="65"/>
        <source>Адрес портала:</source>
        <translation>Portal address:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="66"/>
        <source>Код подключения:</source>
        <translation>Enrolment code:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="85"/>
        <source>Введите адрес портала.</source>
        <translation>Enter the portal address.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="91"/>
        <source>Адрес портала должен начинаться с http:// или https://, например https://pfdo.example.ru</source>
        <translation>The portal address must start with http:// or https://, for example https://pfdo.example.ru</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="96"/>
        <source>Введите код подключения.</source>
        <translation>Enter the enrolment code.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="113"/>
        <source>Подключение…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/enrol_dialog.py" line="128"/>
        <source>Подключение не удалось из-за внутренней ошибки.</source>
        <translation>Connecting failed because of an internal error.</translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/panel.py" line="73"/>
        <source>Программа:</source>
        <translation>Programme:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/panel.py" line="74"/>
        <source>Педагог:</source>
        <translation>Teacher:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/panel.py" line="94"/>
        <source>Все программы</source>
        <translation>All programmes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/panel.py" line="95"/>
        <source>Все педагоги</source>
        <translation>All teachers</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/panel.py" line="117"/>
        <source>Групп: %1</source>
        <translation>Groups: %1</translation>
    </message>
</context>
<context>
    <name>GroupsTableModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="15"/>
        <source>Группа</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="16"/>
        <source>Программа</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="17"/>
        <source>Педагог</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="18"/>
        <source>Детей</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="19"/>
        <source>Расписание</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="47"/>
        <source>%1
Модуль: %2
Занятия: %3
с %4 по %5</source>
        <translation>%1
Module: %2
Lessons: %3
from %4 to %5</translation>
    </message>
</context>
<context>
    <name>IssuesPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="79"/>
        <source>Нет замечаний: портал принял все изменения.</source>
        <translation>Nothing to review: the portal accepted every change.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="81"/>
        <source>Отметить как прочитанное</source>
        <translation>Mark as read</translation>
    </message>
</context>
<context>
    <name>IssuesTableModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="31"/>
        <source>Когда</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="32"/>
        <source>Что случилось</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="33"/>
        <source>Причина (ответ портала)</source>
        <translation>Reason (the portal&apos;s answer)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="34"/>
        <source>Что делать</source>
        <translation>What to do</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="53"/>
        <source>был</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="54"/>
        <source>не был</source>
        <translation>absent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="55"/>
        <source>болел</source>
        <translation>ill</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="56"/>
        <source>уважительная причина</source>
        <translation>excused</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="173"/>
        <source>Итого</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="183"/>
        <source>Был на занятиях / занятий в периоде</source>
        <translation>Lessons attended / lessons in the period</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="190"/>
        <source>Присутствовали</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="193"/>
        <source>Дата рождения: %1</source>
        <translation>Date of birth: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="199"/>
        <source>Сертификат № %1</source>
        <translation>Certificate No. %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="203"/>
        <source>В группе с %1</source>
        <translation>In the group since %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="208"/>
        <source>по %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="267"/>
        <source>%1 ребёнок не числился в группе</source>
        <translation>On %1 the child was not a member of the group</translation>
    </message>
</context>
<context>
    <name>JournalPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="128"/>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="219"/>
        <source>Выберите группу слева</source>
        <translation>Choose a group on the left</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="141"/>
        <source>Предыдущий месяц</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="145"/>
        <source>Следующий месяц</source>
        <translation>Next month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="229"/>
        <source>с %1 по %2</source>
        <translation>from %1 to %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="272"/>
        <source>%1 ребёнок не числился в группе: отметку поставить нельзя.</source>
        <translation>On %1 the child was not a member of the group: no mark can be set.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="303"/>
        <source>Отметка не сохранена из-за внутренней ошибки.</source>
        <translation>The mark was not saved because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="344"/>
        <source>Очистить   (Delete)</source>
        <translation>Clear   (Delete)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="375"/>
        <source>Выберите группу в списке слева, чтобы открыть журнал.</source>
        <translation>Choose a group in the list on the left to open its journal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="377"/>
        <source>В этом месяце в группе нет детей.</source>
        <translation>The group has no children this month.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="379"/>
        <source>В этом месяце у группы нет занятий по расписанию.</source>
        <translation>The group has no scheduled lessons this month.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="399"/>
        <source>Пробел — был, Delete — очистить, двойной щелчок — следующая отметка, правая кнопка — меню. Серые клетки — ребёнок не числился в группе.</source>
        <translation>Space — present, Delete — clear, double click — next mark, right button — menu. Grey cells — the child was not a member of the group.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="55"/>
        <source>Главная</source>
        <translation>Main</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="60"/>
        <source>⟳ Синхронизировать</source>
        <translation>⟳ Synchronise</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="62"/>
        <source>Отправить отметки на портал и получить изменения (F5)</source>
        <translation>Send the marks to the portal and receive changes (F5)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="65"/>
        <source>Подключить к порталу…</source>
        <translation>Connect to the portal…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="70"/>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="181"/>
        <source>Требует внимания: %1</source>
        <translation>Needs attention: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="99"/>
        <source>Требует внимания</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="120"/>
        <source>Отменить</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="182"/>
        <source>Изменения, которые портал не принял, и что с ними делать</source>
        <translation>Changes the portal did not accept, and what to do about them</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="196"/>
        <source>ПК не подключён к порталу</source>
        <translation>This PC is not connected to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="199"/>
        <source>Не отправлено: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="203"/>
        <source>Синхронизация: %1</source>
        <translation>Synchronised: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="205"/>
        <source>Синхронизаций ещё не было</source>
        <translation>Never synchronised</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="213"/>
        <source>(демо)</source>
        <translation>(demo)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="252"/>
        <source>Синхронизация…</source>
        <translation>Synchronising…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="266"/>
        <source>Отправка %1 из %2</source>
        <translation>Sending %1 of %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="268"/>
        <source>Получено записей: %1</source>
        <translation>Records received: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="270"/>
        <source>Связь с порталом…</source>
        <translation>Contacting the portal…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="288"/>
        <source>Останавливаю синхронизацию…</source>
        <translation>Stopping the synchronisation…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="299"/>
        <source>Синхронизация завершена: отправлено %1, получено %2, отклонено %3</source>
        <translation>Synchronisation finished: %1 sent, %2 received, %3 rejected</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="315"/>
        <source>Синхронизация не удалась: %1</source>
        <translation>Synchronisation failed: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="317"/>
        <source>Синхронизация не удалась из-за внутренней ошибки.</source>
        <translation>Synchronisation failed because of an internal error.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="112"/>
        <source>Запускаю демонстрационный портал и загружаю данные…</source>
        <translation>Starting the demo portal and loading data…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="129"/>
        <source>Открываю базу данных…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="148"/>
        <source>Демо: портал запущен на %1</source>
        <translation>Demo: the portal runs at %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="178"/>
        <source>ПК подключён: %1. Загружаю данные…</source>
        <translation>This PC is connected: %1. Loading data…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="185"/>
        <source>ПК не подключён к порталу: отметки сохраняются, отправить их можно после подключения.</source>
        <translation>This PC is not connected to the portal: marks are saved and can be sent once it is connected.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="195"/>
        <source>Не удалось открыть данные программы.</source>
        <translation>The program&apos;s data could not be opened.</translation>
    </message>
</context>
</TS>
