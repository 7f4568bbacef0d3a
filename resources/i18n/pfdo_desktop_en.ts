<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ru">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="50"/>
        <source>База данных</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="51"/>
        <source>Портал</source>
        <translation>Portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="52"/>
        <source>не подключён</source>
        <translation>not connected</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="53"/>
        <source>Организация</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="54"/>
        <source>Номер компьютера на портале</source>
        <translation>This PC&apos;s number on the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="55"/>
        <source>Папка данных</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="63"/>
        <source>О программе</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="69"/>
        <source>Рабочее место организации дополнительного образования в системе ПФДО: журнал, заявки, оплата — без интернета.</source>
        <translation>The workstation of a provider of additional education in personalised financing: attendance, applications, payment — without the internet.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/about_dialog.py" line="71"/>
        <source>Шрифты и библиотеки</source>
        <translation>Fonts and libraries</translation>
    </message>
</context>
<context>
    <name>ApplicationAction</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="77"/>
        <source>подтвердить</source>
        <translation>confirm</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="78"/>
        <source>отклонить</source>
        <translation>reject</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="79"/>
        <source>отозвать</source>
        <translation>withdraw</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="80"/>
        <source>зачислить</source>
        <translation>enrol</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="81"/>
        <source>отчислить</source>
        <translation>expel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="82"/>
        <source>перевести в другую группу</source>
        <translation>transfer to another group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="83"/>
        <source>расторгнуть по заявлению родителя</source>
        <translation>terminate at the parent&apos;s request</translation>
    </message>
</context>
<context>
    <name>ApplicationActionDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="81"/>
        <source>Отклонить заявку</source>
        <translation>Reject the application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="81"/>
        <source>Отклонить</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="82"/>
        <source>Зачислить по приказу</source>
        <translation>Enrol by order</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="82"/>
        <source>Зачислить</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="83"/>
        <source>Отчислить по приказу</source>
        <translation>Expel by order</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="83"/>
        <source>Отчислить</source>
        <translation>Expel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="84"/>
        <source>Перевести в другую группу</source>
        <translation>Transfer to another group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="84"/>
        <source>Перевести</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="85"/>
        <source>Расторгнуть договор по заявлению родителя</source>
        <translation>Terminate the contract at the parent&apos;s request</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="85"/>
        <source>Расторгнуть</source>
        <translation>Terminate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="91"/>
        <source>%1, %2 — %3, с %4. Статус: %5.</source>
        <translation>%1, %2 — %3, from %4. Status: %5.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="104"/>
        <source>Команда уйдёт на портал при синхронизации; статус изменит ответ портала.</source>
        <translation>The command goes to the portal with the next sync; the portal&apos;s answer changes the status.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="153"/>
        <source>Укажите дату (ДД.ММ.ГГГГ).</source>
        <translation>Enter the date (DD.MM.YYYY).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="183"/>
        <source>— выберите —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="192"/>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="202"/>
        <source>Причина:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="193"/>
        <source>Комментарий:</source>
        <translation>Comment:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="193"/>
        <source>для родителя</source>
        <translation>for the parent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="195"/>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="199"/>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="211"/>
        <source>Номер приказа:</source>
        <translation>Order number:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="195"/>
        <source>12-о</source>
        <translation>12</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="196"/>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="200"/>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="212"/>
        <source>Дата приказа:</source>
        <translation>Order date:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="197"/>
        <source>Зачислить с:</source>
        <translation>Enrol from:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="199"/>
        <source>15-о</source>
        <translation>15</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="201"/>
        <source>Последний день обучения:</source>
        <translation>Last day of study:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="205"/>
        <source>— выберите группу —</source>
        <translation>— choose a group —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="209"/>
        <source>В группу:</source>
        <translation>To group:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="210"/>
        <source>Дата перевода:</source>
        <translation>Transfer date:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="211"/>
        <source>16-о</source>
        <translation>16</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="217"/>
        <source>Дата заявления родителя:</source>
        <translation>Date of the parent&apos;s request:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="231"/>
        <source>Договор будет расторгнут с %1 — с 1-го числа месяца, следующего за заявлением.</source>
        <translation>The contract ends from %1 — the 1st day of the month after the request.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="240"/>
        <source>В старой группе договор закончится %1, в новой ребёнок будет зачислен с %2.</source>
        <translation>The contract in the old group ends on %1; the child is enrolled in the new group from %2.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="258"/>
        <source>Выберите причину отклонения.</source>
        <translation>Choose the reason for rejection.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="273"/>
        <source>Выберите причину отчисления.</source>
        <translation>Choose the reason for expulsion.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="279"/>
        <source>Выберите группу, в которую переводится ребёнок.</source>
        <translation>Choose the group the child moves to.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/action_dialog.py" line="298"/>
        <source>Команда не сохранена из-за внутренней ошибки.</source>
        <translation>The command was not saved because of an internal error.</translation>
    </message>
</context>
<context>
    <name>ApplicationStatus</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="68"/>
        <source>новая</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="69"/>
        <source>подтверждена</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="70"/>
        <source>обучается</source>
        <translation>studying</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="71"/>
        <source>отклонена</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="72"/>
        <source>истекла</source>
        <translation>expired</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="73"/>
        <source>отозвана</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="74"/>
        <source>отчислен</source>
        <translation>expelled</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="75"/>
        <source>переведён</source>
        <translation>transferred</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="76"/>
        <source>договор расторгнут</source>
        <translation>contract terminated</translation>
    </message>
</context>
<context>
    <name>ApplicationsPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="85"/>
        <source>Все статусы</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="92"/>
        <source>ФИО, номер заявки или сертификата</source>
        <translation>Name, application or certificate number</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="111"/>
        <source>Подтвердить</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="112"/>
        <source>Отклонить…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="113"/>
        <source>Отозвать</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="114"/>
        <source>Зачислить…</source>
        <translation>Enrol…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="115"/>
        <source>Отчислить…</source>
        <translation>Expel…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="116"/>
        <source>Перевести…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="117"/>
        <source>Расторгнуть по заявлению…</source>
        <translation>Terminate at request…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="129"/>
        <source>Отменить неотправленное</source>
        <translation>Cancel unsent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="131"/>
        <source>Новая заявка…</source>
        <translation>New application…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="133"/>
        <source>Карточка ребёнка</source>
        <translation>Child&apos;s card</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="135"/>
        <source>Печать</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="138"/>
        <source>Все заявления группы…</source>
        <translation>All applications of the group…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="140"/>
        <source>Заявления о зачислении всех детей группы (новые, подтверждённые, обучаются) одним PDF</source>
        <translation>Enrolment applications of every child in the group (new, confirmed, studying) in one PDF</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="151"/>
        <source>Статус:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="154"/>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="391"/>
        <source>Группа:</source>
        <translation>Group:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="183"/>
        <source>Все группы</source>
        <translation>All groups</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="225"/>
        <source>Заявок: %1</source>
        <translation>Applications: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="227"/>
        <source>ожидают отправки: %1</source>
        <translation>waiting to be sent: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="241"/>
        <source>Экспорт заявок в Excel</source>
        <translation>Export applications to Excel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="241"/>
        <source>Заявки</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="255"/>
        <source>заявок: %1</source>
        <translation>applications: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="277"/>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="297"/>
        <source>Выберите заявку в списке</source>
        <translation>Choose an application in the list</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="281"/>
        <source>Ждёт ответа портала на прежнюю команду: %1</source>
        <translation>Waiting for the portal&apos;s answer to the previous command: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="299"/>
        <source>Уведомление печатается, когда договор расторгнут: ребёнок отчислен, переведён или договор расторгнут по заявлению</source>
        <translation>The notice is printed once the contract has ended: the child was expelled, transferred or the contract was terminated on request</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="307"/>
        <source>Отменить «%1», пока оно не отправлено на портал</source>
        <translation>Cancel “%1” before it is sent to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="311"/>
        <source>У выбранной заявки нет команды, ожидающей отправки</source>
        <translation>The selected application has no command waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="341"/>
        <source>Заявка сохранена: она уйдёт на портал при синхронизации.</source>
        <translation>Application saved: it goes to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="381"/>
        <source>В группе нет действующих заявок: печатать нечего.</source>
        <translation>The group has no live applications: nothing to print.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="391"/>
        <source>Все заявления группы</source>
        <translation>All applications of the group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="439"/>
        <source>Отменено, на портал не уйдёт: %1.</source>
        <translation>Cancelled, it will not be sent to the portal: %1.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="444"/>
        <source>Команда сохранена и ожидает отправки: портал решит при синхронизации.</source>
        <translation>Command saved and waiting to be sent: the portal decides at the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/panel.py" line="450"/>
        <source>Команда не сохранена из-за внутренней ошибки.</source>
        <translation>The command was not saved because of an internal error.</translation>
    </message>
</context>
<context>
    <name>ApplicationsTableModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="19"/>
        <source>№</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="20"/>
        <source>Ребёнок</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="21"/>
        <source>Группа / программа</source>
        <translation>Group / programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="22"/>
        <source>Начало</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="23"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="24"/>
        <source>Причина отклонения</source>
        <translation>Reason for rejection</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="25"/>
        <source>Договор: стоимость и оплата</source>
        <translation>Contract: cost and payment</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="57"/>
        <source>%1, %2
сертификат %3</source>
        <translation>%1, %2
certificate %3</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="63"/>
        <source>Номер присвоит портал, когда получит заявку</source>
        <translation>The portal assigns a number when it receives the application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/model.py" line="67"/>
        <source>Договор № %1</source>
        <translation>Contract No. %1</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="75"/>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="75"/>
        <source>Когда сделана</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="75"/>
        <source>Размер</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="76"/>
        <source>Что в копии</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="118"/>
        <source>ежедневная</source>
        <translation>daily</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="119"/>
        <source>перед обновлением программы</source>
        <translation>before a program update</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="120"/>
        <source>после подключения к порталу</source>
        <translation>after connecting to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="121"/>
        <source>сделана вручную</source>
        <translation>made by hand</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="125"/>
        <source>повреждена: %1</source>
        <translation>damaged: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="126"/>
        <source>детей %1, групп %2, отметок %3, неотправленных изменений %4</source>
        <translation>children %1, groups %2, marks %3, unsent changes %4</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="130"/>
        <source>; ПК в копии не подключён к порталу</source>
        <translation>; the PC in this copy is not connected to the portal</translation>
    </message>
</context>
<context>
    <name>CancelLessonDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="54"/>
        <source>Занятие не проведено</source>
        <translation>Lesson not held</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="55"/>
        <source>Занятие %1 не проведено по вине исполнителя. Укажите причину (например, «болезнь педагога», «помещение закрыто»): она уйдёт на портал и будет видна в журнале.</source>
        <translation>The lesson of %1 was not held through the provider&apos;s fault. Give the reason (for example, “teacher ill”, “room closed”): it goes to the portal and shows in the journal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="60"/>
        <source>Причина</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="68"/>
        <source>Укажите причину, по которой занятие не проведено.</source>
        <translation>Give the reason why the lesson was not held.</translation>
    </message>
</context>
<context>
    <name>CandidateFrame</name>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="79"/>
        <source>Дата рождения:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="80"/>
        <source>Сертификат:</source>
        <translation>Certificate:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="81"/>
        <source>СНИЛС:</source>
        <translation>SNILS:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="82"/>
        <source>Это он(а)</source>
        <translation>This is the child</translation>
    </message>
</context>
<context>
    <name>CertificateStatus</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="115"/>
        <source>учёт</source>
        <translation>registration</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="116"/>
        <source>ПФ</source>
        <translation>PF</translation>
    </message>
</context>
<context>
    <name>ChartTexts</name>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="77"/>
        <source>Деньги по месяцам</source>
        <translation>Money by month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="78"/>
        <source>Аванс</source>
        <translation>Advance</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="79"/>
        <source>Оплачено по счёту</source>
        <translation>Paid by invoice</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="80"/>
        <source>Выставлено, не оплачено</source>
        <translation>Invoiced, not paid</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="81"/>
        <source>Объём услуги</source>
        <translation>Service delivered</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="82"/>
        <source>Обучающихся по месяцам</source>
        <translation>Pupils by month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="83"/>
        <source>Детей</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="84"/>
        <source>детей</source>
        <translation>children</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="85"/>
        <source>Дети по числу программ</source>
        <translation>Children by number of programmes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="86"/>
        <source>1 программа</source>
        <translation>1 programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="87"/>
        <source>2 программы</source>
        <translation>2 programmes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="88"/>
        <source>3 и более</source>
        <translation>3 or more</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="89"/>
        <source>Программы и дети по направлениям</source>
        <translation>Programmes and children by direction</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="90"/>
        <source>Программ</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="91"/>
        <source>янв</source>
        <translation>Jan</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="92"/>
        <source>фев</source>
        <translation>Feb</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="93"/>
        <source>мар</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="94"/>
        <source>апр</source>
        <translation>Apr</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="95"/>
        <source>май</source>
        <translation>May</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="96"/>
        <source>июн</source>
        <translation>Jun</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="97"/>
        <source>июл</source>
        <translation>Jul</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="98"/>
        <source>авг</source>
        <translation>Aug</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="99"/>
        <source>сен</source>
        <translation>Sep</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="100"/>
        <source>окт</source>
        <translation>Oct</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="101"/>
        <source>ноя</source>
        <translation>Nov</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="102"/>
        <source>дек</source>
        <translation>Dec</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="112"/>
        <source>Объём оказания услуги по группам, %1</source>
        <translation>Service delivered by group, %1</translation>
    </message>
</context>
<context>
    <name>ChartWithTable</name>
    <message>
        <location filename="../../pfdo_desktop/ui/charts/table.py" line="123"/>
        <source>Таблица</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/charts/table.py" line="124"/>
        <source>Показать или скрыть таблицу с цифрами графика</source>
        <translation>Show or hide the table with the chart&apos;s figures</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../pfdo_desktop/ui/charts/paint.py" line="57"/>
        <source>Нет данных</source>
        <translation>No data</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/charts/table.py" line="70"/>
        <source>Категория</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/charts/table.py" line="74"/>
        <source>Всего</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/charts/widgets.py" line="29"/>
        <source>Всего: %1</source>
        <translation>Total: %1</translation>
    </message>
</context>
<context>
    <name>ChildCardWidget</name>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="118"/>
        <source>Новая заявка…</source>
        <translation>New application…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="120"/>
        <source>Отменить неотправленное</source>
        <translation>Cancel unsent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="122"/>
        <source>Отменить запрос или выбор ребёнка, пока он не отправлен на портал</source>
        <translation>Cancel the request or the choice of the child before it is sent to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="125"/>
        <source>Печать</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="126"/>
        <source>Заявление, выписка из реестра сертификатов, согласие</source>
        <translation>Application, certificate registry extract, consent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="132"/>
        <source>Портал нашёл похожих детей — выберите, кто это</source>
        <translation>The portal found similar children — choose who this is</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="138"/>
        <source>Нет, это новый ребёнок</source>
        <translation>No, this is a new child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="150"/>
        <source>Это другой ребёнок?</source>
        <translation>A different child?</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="159"/>
        <source>Отправить запрос снова</source>
        <translation>Send the request again</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="166"/>
        <source>СНИЛС ребёнка:</source>
        <translation>Child&apos;s SNILS:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="178"/>
        <source>Ребёнок</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="184"/>
        <source>Дата рождения:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="185"/>
        <source>СНИЛС:</source>
        <translation>SNILS:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="186"/>
        <source>Документ:</source>
        <translation>Document:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="187"/>
        <source>Состояние:</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="190"/>
        <source>Родитель (законный представитель)</source>
        <translation>Parent (legal representative)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="196"/>
        <source>Сертификат</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="209"/>
        <source>Номер:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="210"/>
        <source>Статус:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="211"/>
        <source>Номинал:</source>
        <translation>Nominal:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="212"/>
        <source>Остаток:</source>
        <translation>Balance:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="213"/>
        <source>Зарезервировано:</source>
        <translation>Reserved:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="214"/>
        <source>Период:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="215"/>
        <source>Номинал на период:</source>
        <translation>Nominal for the period:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="218"/>
        <source>Запросить ПФ (заявление родителя)</source>
        <translation>Request PF status (parent&apos;s application)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="220"/>
        <source>Родитель принёс заявление о статусе ПФ: запрос уйдёт на портал при синхронизации. Статус ПФ выдаётся, пока не исчерпана квота муниципалитета на период.</source>
        <translation>The parent brought an application for PF status: the request goes to the portal at the next sync. PF status is granted while the municipality&apos;s quota for the period lasts.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="239"/>
        <source>Заявки и зачисления</source>
        <translation>Applications and enrolments</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="244"/>
        <source>Заявок нет.</source>
        <translation>No applications.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="253"/>
        <source>Выберите ребёнка в списке, чтобы открыть его карточку.</source>
        <translation>Choose a child in the list to open the card.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="317"/>
        <source>У ребёнка нет сертификата</source>
        <translation>The child has no certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="320"/>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="323"/>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="342"/>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="493"/>
        <source>не указан</source>
        <translation>not given</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="331"/>
        <source>в реестре портала</source>
        <translation>in the portal&apos;s registry</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="365"/>
        <source>Данные сертификата придут после заявки с его номером из заявления родителя.</source>
        <translation>The certificate&apos;s data will arrive after an application with its number from the parent&apos;s application.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="367"/>
        <source>Сертификата нет или портал ещё не прислал его данные.</source>
        <translation>No certificate, or the portal has not sent it yet.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="369"/>
        <source>Сертификата нет.</source>
        <translation>No certificate.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="380"/>
        <source>портал не прислал период муниципалитета</source>
        <translation>the portal has sent no period of the municipality</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="383"/>
        <source>открыт</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="383"/>
        <source>закрыт</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="385"/>
        <source>%1, %2–%3 (%4)</source>
        <translation>%1, %2–%3 (%4)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="391"/>
        <source>по данным на %1</source>
        <translation>as of %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="393"/>
        <source>по данным последней синхронизации</source>
        <translation>as of the last sync</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="404"/>
        <source>Запрос ПФ уйдёт на портал при синхронизации; ответ придёт в эту карточку, отказ — в «Требует внимания».</source>
        <translation>The PF request goes to the portal at the next sync; the answer comes to this card, a refusal to «Needs attention».</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="428"/>
        <source>с %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="430"/>
        <source>по %1</source>
        <translation>to %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="432"/>
        <source>заявка № %1</source>
        <translation>application No. %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="435"/>
        <source>приказ № %1 от %2</source>
        <translation>order No. %1 of %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="441"/>
        <source>договор %1</source>
        <translation>contract %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="462"/>
        <source>%1: с %2%3 (%4)</source>
        <translation>%1: from %2%3 (%4)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="465"/>
        <source> по %1</source>
        <translation> to %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="470"/>
        <source>В журналах групп: %1</source>
        <translation>In group journals: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="488"/>
        <source>Вы ввели: %1, дата рождения %2, СНИЛС %3. Сверьте дату рождения, сертификат и СНИЛС с документами и выберите этого ребёнка — или создайте нового.</source>
        <translation>You entered: %1, born %2, SNILS %3. Check the date of birth, certificate and SNILS against the documents and choose the child — or create a new one.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="518"/>
        <source>Исправьте СНИЛС по документу ребёнка, если нужно, и отправьте запрос снова.</source>
        <translation>Correct the SNILS from the child&apos;s document if needed and send the request again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="522"/>
        <source>В запросе был СНИЛС %1. Если в нём ошибка, укажите верный СНИЛС и отправьте запрос снова: по другому СНИЛС портал отличит ребёнка от записи в реестре.</source>
        <translation>The request carried SNILS %1. If it is wrong, enter the right SNILS and send the request again: a different SNILS lets the portal tell the child apart from the registry record.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="527"/>
        <source>Если в реестре другой ребёнок с такими же ФИО и датой рождения, укажите СНИЛС вашего ребёнка и отправьте запрос снова: по СНИЛС портал отличит его и создаст новую запись.</source>
        <translation>If the registry child with the same full name and date of birth is someone else, enter your child&apos;s SNILS and send the request again: the portal will tell them apart by the SNILS and create a new record.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/card.py" line="577"/>
        <source>Укажите СНИЛС ребёнка по документу: 11 цифр, например 123-456-789 01.</source>
        <translation>Enter the child&apos;s SNILS from the document: 11 digits, e.g. 123-456-789 01.</translation>
    </message>
</context>
<context>
    <name>ChildrenPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="46"/>
        <source>Поиск: ФИО, дата рождения (12.03.2015), номер сертификата или СНИЛС</source>
        <translation>Search: name, date of birth (12.03.2015), certificate number or SNILS</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="52"/>
        <source>Новый ребёнок…</source>
        <translation>New child…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="54"/>
        <source>Импорт списка…</source>
        <translation>Import a list…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="55"/>
        <source>Загрузить список детей из Excel (.xlsx) или CSV</source>
        <translation>Load a list of children from Excel (.xlsx) or CSV</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="57"/>
        <source>Новая заявка…</source>
        <translation>New application…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="111"/>
        <source>Показаны первые %1: уточните поиск</source>
        <translation>First %1 shown: refine the search</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="113"/>
        <source>Найдено: %1</source>
        <translation>Found: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="115"/>
        <source>Детей: %1</source>
        <translation>Children: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="201"/>
        <source>Запрос на нового ребёнка сохранён: он уйдёт на портал при синхронизации.</source>
        <translation>New-child request saved: it goes to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="219"/>
        <source>Импорт списка: запросов на новых детей — %1; они уйдут на портал при синхронизации.</source>
        <translation>List import: %1 new-child requests; they go to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="229"/>
        <source>Экспорт списка детей в Excel</source>
        <translation>Export the children list to Excel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="230"/>
        <source>Дети и сертификаты</source>
        <translation>Children and certificates</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="240"/>
        <source>строк: %1</source>
        <translation>rows: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="259"/>
        <source>Заявка сохранена: она уйдёт на портал при синхронизации.</source>
        <translation>Application saved: it goes to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="294"/>
        <source>Выбор сохранён: портал получит его при синхронизации.</source>
        <translation>Choice saved: the portal gets it with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="296"/>
        <source>Будет создан новый ребёнок: портал получит запрос при синхронизации.</source>
        <translation>A new child will be created: the portal gets the request with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="314"/>
        <source>Запрос с СНИЛС уйдёт на портал снова при синхронизации.</source>
        <translation>The request with the SNILS will be sent to the portal again at the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="339"/>
        <source>Запрос ПФ уйдёт на портал при синхронизации.</source>
        <translation>The PF request goes to the portal at the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="365"/>
        <source>Запрос на нового ребёнка отменён: на портал он не уйдёт.</source>
        <translation>The new-child request is cancelled: it will not be sent to the portal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="369"/>
        <source>Выбор ребёнка отменён: выберите снова.</source>
        <translation>The choice of the child is cancelled: choose again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/panel.py" line="374"/>
        <source>Изменение не сохранено из-за внутренней ошибки.</source>
        <translation>The change was not saved because of an internal error.</translation>
    </message>
</context>
<context>
    <name>ChildrenTableModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="23"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="24"/>
        <source>Дата рождения</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="25"/>
        <source>Сертификат</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="26"/>
        <source>СНИЛС</source>
        <translation>SNILS</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="27"/>
        <source>Состояние</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="39"/>
        <source>тёзка: сверьте дату рождения и сертификат</source>
        <translation>namesake: check the date of birth and certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/model.py" line="41"/>
        <source>%1 тёзки: сверьте дату рождения и сертификат</source>
        <translation>%1 namesakes: check the date of birth and certificate</translation>
    </message>
</context>
<context>
    <name>CommonTexts</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="58"/>
        <source>Пн</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="59"/>
        <source>Вт</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="60"/>
        <source>Ср</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="61"/>
        <source>Чт</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="62"/>
        <source>Пт</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="63"/>
        <source>Сб</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="64"/>
        <source>Вс</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="84"/>
        <source>«%1»</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="92"/>
        <source>Нельзя %1 заявку в статусе «%2»: это возможно только для статуса %3</source>
        <translation>Cannot %1 an application whose status is “%2”: only possible with the status %3</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="109"/>
        <source>ожидает отправки: %1</source>
        <translation>waiting to be sent: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="124"/>
        <source>ждёт ответа портала</source>
        <translation>waits for the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="125"/>
        <source>выберите ребёнка</source>
        <translation>choose the child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="126"/>
        <source>отклонён порталом</source>
        <translation>refused by the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="127"/>
        <source>уже есть в реестре</source>
        <translation>already in the registry</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="135"/>
        <source>бесплатно</source>
        <translation>free</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/texts.py" line="151"/>
        <source>: сертификат %1 + родитель %2</source>
        <translation>: certificate %1 + parent %2</translation>
    </message>
</context>
<context>
    <name>ConflictTable</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="328"/>
        <source>Поле</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="328"/>
        <source>Черновик на ПК</source>
        <translation>Draft on this PC</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="328"/>
        <source>На портале</source>
        <translation>On the portal</translation>
    </message>
</context>
<context>
    <name>CrashHook</name>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="125"/>
        <source>Произошла непредвиденная ошибка.</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="128"/>
        <source>Ваши данные сохранены. Подробности записаны в журнал программы:
%1
Отправьте этот файл в службу поддержки.</source>
        <translation>Your data are saved. The details are in the program log:
%1
Please send this file to support.</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../pfdo_desktop/ui/widgets/date_edit.py" line="151"/>
        <source>ДД.ММ.ГГГГ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/widgets/date_edit.py" line="153"/>
        <source>Выбрать дату в календаре (F4)</source>
        <translation>Pick the date in a calendar (F4)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/widgets/date_edit.py" line="190"/>
        <source>Дата введена не полностью: нужны день, месяц и год — ДД.ММ.ГГГГ, например 05.03.2016.</source>
        <translation>The date is incomplete: day, month and year are needed — DD.MM.YYYY, e.g. 05.03.2016.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/widgets/date_edit.py" line="193"/>
        <source>Такой даты нет: %1. Проверьте день и месяц.</source>
        <translation>There is no such date: %1. Check the day and the month.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/widgets/date_edit.py" line="195"/>
        <source>Дата не может быть раньше %1.</source>
        <translation>The date cannot be before %1.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/widgets/date_edit.py" line="197"/>
        <source>Дата не может быть позже %1.</source>
        <translation>The date cannot be after %1.</translation>
    </message>
</context>
<context>
    <name>Direction</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="104"/>
        <source>техническая</source>
        <translation>technical</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="105"/>
        <source>естественнонаучная</source>
        <translation>natural science</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="106"/>
        <source>физкультурно-спортивная</source>
        <translation>physical culture and sport</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="107"/>
        <source>художественная</source>
        <translation>arts</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="108"/>
        <source>туристско-краеведческая</source>
        <translation>tourism and local history</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="109"/>
        <source>социально-гуманитарная</source>
        <translation>social and humanitarian</translation>
    </message>
</context>
<context>
    <name>Disability</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="145"/>
        <source>нарушения слуха</source>
        <translation>hearing impairment</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="146"/>
        <source>нарушения зрения</source>
        <translation>visual impairment</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="147"/>
        <source>нарушения речи</source>
        <translation>speech impairment</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="148"/>
        <source>нарушения опорно-двигательного аппарата</source>
        <translation>musculoskeletal disorders</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="149"/>
        <source>нарушения интеллекта</source>
        <translation>intellectual disability</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="150"/>
        <source>расстройства аутистического спектра</source>
        <translation>autism spectrum disorders</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="151"/>
        <source>задержка психического развития</source>
        <translation>developmental delay</translation>
    </message>
</context>
<context>
    <name>DocumentKind</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="101"/>
        <source>свидетельство о рождении</source>
        <translation>birth certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="102"/>
        <source>паспорт гражданина РФ</source>
        <translation>Russian passport</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="103"/>
        <source>документ иностранного гражданина</source>
        <translation>foreign citizen&apos;s document</translation>
    </message>
</context>
<context>
    <name>EndReason</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="90"/>
        <source>Завершение обучения</source>
        <translation>Completed the programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="91"/>
        <source>По заявлению родителя (законного представителя)</source>
        <translation>At the request of the parent (legal guardian)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="92"/>
        <source>Переезд</source>
        <translation>Moved away</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="93"/>
        <source>По состоянию здоровья</source>
        <translation>For health reasons</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="94"/>
        <source>Иная причина</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="95"/>
        <source>Перевод в другую группу</source>
        <translation>Transfer to another group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="96"/>
        <source>Расторжение договора по заявлению родителя (законного представителя)</source>
        <translation>Contract terminated at the request of the parent (legal guardian)</translation>
    </message>
</context>
<context>
    <name>ExportToExcel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="24"/>
        <source>Экспорт в Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="25"/>
        <source>Сохранить то, что показано на экране, в файл Excel (.xlsx)</source>
        <translation>Save what the screen shows to an Excel file (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="32"/>
        <source>Книга Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="55"/>
        <source>Сохраняю %1…</source>
        <translation>Saving %1…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="64"/>
        <source>Сохранено: %1 (%2)</source>
        <translation>Saved: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="70"/>
        <source>Не удалось сохранить %1: %2</source>
        <translation>Could not save %1: %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/export.py" line="77"/>
        <source>Файл не сохранён из-за внутренней ошибки.</source>
        <translation>The file was not saved because of an internal error.</translation>
    </message>
</context>
<context>
    <name>FieldTitle</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1087"/>
        <source>Фамилия</source>
        <translation>Surname</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1088"/>
        <source>Имя</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1089"/>
        <source>Отчество</source>
        <translation>Patronymic</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1090"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1091"/>
        <source>Дата рождения</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1092"/>
        <source>СНИЛС</source>
        <translation>SNILS</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1093"/>
        <source>Номер сертификата</source>
        <translation>Certificate number</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1094"/>
        <source>Законный представитель</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1095"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1096"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1097"/>
        <source>Повтор в файле</source>
        <translation>Repeated in the file</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1098"/>
        <source>Уже есть в базе</source>
        <translation>Already in the database</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1099"/>
        <source>Фамилия представителя</source>
        <translation>Representative&apos;s surname</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1100"/>
        <source>Имя представителя</source>
        <translation>Representative&apos;s first name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1101"/>
        <source>Отчество представителя</source>
        <translation>Representative&apos;s patronymic</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="84"/>
        <source>Файл со списком детей</source>
        <translation>File with the list of children</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="87"/>
        <source>Книга Excel (.xlsx) или CSV. Первая строка — заголовки столбцов: ФИО (или фамилия, имя, отчество), дата рождения, СНИЛС, номер сертификата, представитель, телефон, e-mail.</source>
        <translation>An Excel workbook (.xlsx) or CSV. The first row holds the column headers: full name (or surname, first name, patronymic), date of birth, SNILS, certificate number, representative, phone, e-mail.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="92"/>
        <source>Путь к файлу .xlsx или .csv</source>
        <translation>Path to an .xlsx or .csv file</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="94"/>
        <source>Выбрать файл…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="102"/>
        <source>Читаю файл…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="128"/>
        <source>Список детей</source>
        <translation>List of children</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="130"/>
        <source>Таблицы (*.xlsx *.xlsm *.csv *.txt);;Все файлы (*)</source>
        <translation>Tables (*.xlsx *.xlsm *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="163"/>
        <source>В файле «%1» нет строк с детьми под заголовками.</source>
        <translation>The file “%1” has no rows of children under the headers.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="175"/>
        <source>Файл не прочитан из-за внутренней ошибки.</source>
        <translation>The file was not read because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="186"/>
        <source>Файл не загружен</source>
        <translation>File not loaded</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="187"/>
        <source>Ничего не изменено. Исправьте файл и выберите его снова.</source>
        <translation>Nothing was changed. Fix the file and choose it again.</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="79"/>
        <source>Проверьте код: латинские буквы и цифры, как в письме или на листке. Если он набран верно, попросите новый код.</source>
        <translation>Check the code: Latin letters and digits, as in the letter or on the sheet. If it is typed correctly, ask for a new code.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="84"/>
        <source>Каждый код подключения действует один раз и недолго: попросите новый код в муниципальном опорном центре.</source>
        <translation>Each connection code works once and not for long: ask the municipal support centre for a new code.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="96"/>
        <source>Введите адрес Навигатора.</source>
        <translation>Enter the Navigator&apos;s address.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="97"/>
        <source>Введите адрес портала.</source>
        <translation>Enter the portal&apos;s address.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="101"/>
        <source>Адрес Навигатора должен начинаться с http:// или https://, например https://р29.навигатор.дети</source>
        <translation>The Navigator&apos;s address must start with http:// or https://, e.g. https://р29.навигатор.дети</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="105"/>
        <source>Адрес портала должен начинаться с http:// или https://, например https://pfdo.example.ru</source>
        <translation>The portal&apos;s address must start with http:// or https://, for example https://pfdo.example.ru</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="128"/>
        <source>Начало работы — PFDO Desktop</source>
        <translation>Getting started — PFDO Desktop</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="149"/>
        <source>Добро пожаловать в PFDO Desktop</source>
        <translation>Welcome to PFDO Desktop</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="152"/>
        <source>Программа ведёт журнал посещаемости, заявки и карточки программ на этом компьютере и работает без интернета. Чтобы получить свои группы и детей, подключите компьютер к региональному порталу ПФДО.</source>
        <translation>The program keeps the attendance journal, applications and programme cards on this computer and works without the internet. To get your groups and children, connect the computer to the regional PFDO portal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="157"/>
        <source>Подключить к порталу</source>
        <translation>Connect to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="164"/>
        <source>Открыть учебный портал</source>
        <translation>Open the training portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="165"/>
        <source>Демонстрационный район на этом компьютере: можно попробовать всё. Учебные данные хранятся отдельно и никуда не отправляются.</source>
        <translation>A demo district on this computer: you can try everything. The training data are kept apart and sent nowhere.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="169"/>
        <source>Позже</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="171"/>
        <source>Журнал работает и без подключения; подключить компьютер можно кнопкой «Подключить к порталу…» на панели инструментов.</source>
        <translation>The journal works without a connection too; connect the computer later with “Connect to the portal…” on the toolbar.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="205"/>
        <source>Подключение к порталу</source>
        <translation>Connecting to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="276"/>
        <source>Введите адрес регионального портала и одноразовый код подключения. Код действует один раз; если он не подходит, попросите новый в муниципальном опорном центре.</source>
        <translation>Enter the regional portal&apos;s address and the one-time connection code. A code works once; if it does not fit, ask the municipal support centre for a new one.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="213"/>
        <source>Проверить соединение</source>
        <translation>Test the connection</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="158"/>
        <source>Портал ПФДО — адрес и одноразовый код подключения из муниципального опорного центра; Навигатор дополнительного образования — адрес, e-mail и пароль вашей организации.</source>
        <translation>A PFDO portal — its address and a one-time connection code from the municipal support centre; the Navigator of additional education — its address and your organisation&apos;s e-mail and password.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="233"/>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="280"/>
        <source>Адрес портала:</source>
        <translation>Portal address:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="235"/>
        <source>Код подключения:</source>
        <translation>Enrolment code:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="236"/>
        <source>E-mail организации:</source>
        <translation>Organisation&apos;s e-mail:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="237"/>
        <source>Пароль:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="239"/>
        <source>Назад</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="241"/>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="363"/>
        <source>Подключить</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="270"/>
        <source>Введите адрес Навигатора дополнительного образования вашего региона, e-mail и пароль учётной записи вашей организации в нём — те же, с которыми вы входите в Навигатор. Пароль хранится только в хранилище паролей этого компьютера.</source>
        <translation>Enter the address of your region&apos;s Navigator of additional education and the e-mail and password of your organisation&apos;s account there — the ones you sign in to the Navigator with. The password is kept only in this computer&apos;s password store.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="280"/>
        <source>Адрес Навигатора:</source>
        <translation>Navigator address:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="312"/>
        <source>Проверяю…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="317"/>
        <source>Портал «%1» отвечает (%2 мс). Введите код подключения.</source>
        <translation>Portal “%1” answers (%2 ms). Enter the connection code.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="350"/>
        <source>Введите код подключения.</source>
        <translation>Enter the enrolment code.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="363"/>
        <source>Подключение…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="382"/>
        <source>Подключение не удалось из-за внутренней ошибки.</source>
        <translation>Connecting failed because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="411"/>
        <source>Повторить</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="414"/>
        <source>Открыть журнал</source>
        <translation>Open the journal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="433"/>
        <source>Компьютер подключён: %1</source>
        <translation>Computer connected: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="434"/>
        <source>Загружаю группы, детей и расписание из Навигатора…</source>
        <translation>Loading groups, children and the timetable from the Navigator…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="435"/>
        <source>Загружаю группы, детей и расписание с портала…</source>
        <translation>Loading groups, children and the schedule from the portal…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="469"/>
        <source>Готово: данные загружены</source>
        <translation>Done: the data are loaded</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="471"/>
        <source>Получено записей: %1, групп: %2. Отметки, которые вы поставите, сохраняются на этом компьютере и отправляются в Навигатор при синхронизации.</source>
        <translation>Records received: %1, groups: %2. The marks you set are kept on this computer and sent to the Navigator when you sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="473"/>
        <source>Получено записей: %1, групп: %2. Отметки, которые вы поставите, сохраняются на этом компьютере и отправляются на портал при синхронизации.</source>
        <translation>Records received: %1, groups: %2. The marks you set are kept on this computer and sent to the portal when you sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="478"/>
        <source>Часы этого компьютера расходятся с часами портала больше чем на 10 минут. Исправьте дату, время и часовой пояс в настройках системы: по ним журнал выбирает сегодняшний день.</source>
        <translation>This computer&apos;s clock differs from the portal&apos;s by more than 10 minutes. Correct the date, time and time zone in the system settings: the journal picks today&apos;s date by them.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="487"/>
        <source>Синхронизация не удалась из-за внутренней ошибки.</source>
        <translation>Synchronisation failed because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="492"/>
        <source>Компьютер подключён, но данные ещё не загружены</source>
        <translation>The computer is connected, but the data are not loaded yet</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/first_run.py" line="494"/>
        <source>Можно повторить сейчас или открыть журнал: данные загрузятся при следующей синхронизации (кнопка «Синхронизировать»).</source>
        <translation>You can retry now or open the journal: the data will load at the next sync (the “Synchronise” button).</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/dialog.py" line="58"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/dialog.py" line="80"/>
        <source>Изменение не сохранено из-за внутренней ошибки.</source>
        <translation>The change was not saved because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/dialog.py" line="83"/>
        <source>Сохраняю…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/panel.py" line="76"/>
        <source>Программа:</source>
        <translation>Programme:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/panel.py" line="77"/>
        <source>Педагог:</source>
        <translation>Teacher:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/panel.py" line="101"/>
        <source>Все программы</source>
        <translation>All programmes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/panel.py" line="102"/>
        <source>Все педагоги</source>
        <translation>All teachers</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/panel.py" line="123"/>
        <source>Групп: %1</source>
        <translation>Groups: %1</translation>
    </message>
</context>
<context>
    <name>GroupsTab</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="63"/>
        <source>Добавить группу</source>
        <translation>Add group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="65"/>
        <source>Удалить группу</source>
        <translation>Delete group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="67"/>
        <source>Сохранить группу</source>
        <translation>Save group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="69"/>
        <source>Группа и её расписание уходят на портал при синхронизации, без модерации</source>
        <translation>The group and its schedule go to the portal with the next sync, without moderation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="76"/>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="248"/>
        <source>Группа</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="78"/>
        <source>Например: Робототехника-1</source>
        <translation>E.g. Robotics-1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="97"/>
        <source>Название:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="101"/>
        <source>с</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="103"/>
        <source>по</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="106"/>
        <source>Сроки занятий:</source>
        <translation>Class dates:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="107"/>
        <source>Мест:</source>
        <translation>Places:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="108"/>
        <source>Педагог:</source>
        <translation>Teacher:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="129"/>
        <source>Модуль:</source>
        <translation>Module:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="158"/>
        <source>(без названия)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="188"/>
        <source>Добавьте модуль на вкладке «Модули».</source>
        <translation>Add a module on the “Modules” tab.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="192"/>
        <source>Группы добавляются к модулю опубликованной программы: отправьте карточку на модерацию, а после публикации добавьте группы.</source>
        <translation>Groups are added to a module of a published programme: submit the card for moderation and add groups after publication.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="199"/>
        <source>Группы не входят в черновик карточки: каждую сохраняйте кнопкой «Сохранить группу» — она уйдёт на портал при синхронизации, без модерации.</source>
        <translation>Groups are not part of the card&apos;s draft: save each with “Save group” — it goes to the portal with the next sync, without moderation.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="216"/>
        <source>изменена — нажмите «Сохранить группу»</source>
        <translation>changed — press “Save group”</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="218"/>
        <source>ожидает отправки</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/groups_tab.py" line="246"/>
        <source>Группа «%1»</source>
        <translation>Group “%1”</translation>
    </message>
</context>
<context>
    <name>GroupsTableModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="17"/>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="225"/>
        <source>Группа</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="18"/>
        <source>Программа</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="19"/>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="228"/>
        <source>Педагог</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="20"/>
        <source>Детей</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="21"/>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="229"/>
        <source>Расписание</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/groups/model.py" line="48"/>
        <source>%1
Модуль: %2
Занятия: %3
с %4 по %5</source>
        <translation>%1
Module: %2
Lessons: %3
from %4 to %5</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="226"/>
        <source>Сроки</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="227"/>
        <source>Мест</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="230"/>
        <source>Замечание</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../pfdo_desktop/ui/help_window.py" line="150"/>
        <source>Руководство — PFDO Desktop</source>
        <translation>User guide — PFDO Desktop</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/help_window.py" line="185"/>
        <source>Руководство не найдено (%1): программа установлена не полностью. Переустановите её; руководство также есть в файле PDF у того, кто устанавливал программу.</source>
        <translation>The user guide was not found (%1): the program is not installed completely. Reinstall it; the guide is also in a PDF file kept by whoever installed the program.</translation>
    </message>
</context>
<context>
    <name>IndicatorTitles</name>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="124"/>
        <source>Детей 5–18 лет в территории</source>
        <translation>Children aged 5–18 in the territory</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="125"/>
        <source>Выдано сертификатов (доля от детей 5–18 лет)</source>
        <translation>Certificates issued (share of children aged 5–18)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="127"/>
        <source>из них ПФ</source>
        <translation>of them PF</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="128"/>
        <source>из них учёта</source>
        <translation>of them registration</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="129"/>
        <source>Номинал сертификатов</source>
        <translation>Certificates&apos; nominal value</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="130"/>
        <source>Номинал сертификатов, ч</source>
        <translation>Certificates&apos; nominal value, h</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="132"/>
        <source>Используются (доля от выданных)</source>
        <translation>In use (share of issued)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="133"/>
        <source>Обучаются на 1 программе</source>
        <translation>Studying in 1 programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="134"/>
        <source>Обучаются на 2 программах</source>
        <translation>Studying in 2 programmes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="135"/>
        <source>Обучаются на 3 и более программах</source>
        <translation>Studying in 3 or more programmes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="137"/>
        <source>Охват детей 5–17 лет (доля от детей 5–18 лет)</source>
        <translation>Children aged 5–17 covered (share of children aged 5–18)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="139"/>
        <source>Мест в группах</source>
        <translation>Places in groups</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="140"/>
        <source>Занято мест (наполняемость)</source>
        <translation>Places taken (occupancy)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="146"/>
        <source>Программ: %1</source>
        <translation>Programmes: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="149"/>
        <source>Детей: %1</source>
        <translation>Children: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="152"/>
        <source>Заявок: %1</source>
        <translation>Applications: %1</translation>
    </message>
</context>
<context>
    <name>IndicatorsPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="193"/>
        <source>Отчёт для подписи…</source>
        <translation>Report to sign…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="194"/>
        <source>Одна страница: показатели и графики, подпись руководителя</source>
        <translation>One page: the indicators and the charts, signed by the head</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="197"/>
        <source>Месяц:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="206"/>
        <source>Показатель</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="206"/>
        <source>За месяц</source>
        <translation>For the month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="206"/>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="207"/>
        <source>Доля</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="207"/>
        <source>С начала года</source>
        <translation>Year to date</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="253"/>
        <source>Считаю показатели за %1…</source>
        <translation>Computing the indicators for %1…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="276"/>
        <source>по данным на %1</source>
        <translation>as of %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="277"/>
        <source>портал ещё не синхронизирован: показаны данные этого ПК</source>
        <translation>not synced with the portal yet: this PC&apos;s data</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="341"/>
        <source>Экспорт показателей в Excel</source>
        <translation>Export the indicators to Excel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="342"/>
        <source>Показатели</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/indicators/panel.py" line="351"/>
        <source>листов: %1</source>
        <translation>sheets: %1</translation>
    </message>
</context>
<context>
    <name>IssuesPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="93"/>
        <source>Нет замечаний: портал принял все изменения.</source>
        <translation>Nothing to review: the portal accepted every change.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="95"/>
        <source>Отметить как прочитанное</source>
        <translation>Mark as read</translation>
    </message>
</context>
<context>
    <name>IssuesTableModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="32"/>
        <source>Когда</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="33"/>
        <source>Что случилось</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="34"/>
        <source>Причина (ответ портала)</source>
        <translation>Reason (the portal&apos;s answer)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="35"/>
        <source>Что делать</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="36"/>
        <source>Код</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/issues.py" line="60"/>
        <source>Код причины (для службы поддержки): %1</source>
        <translation>Reason code (for support): %1</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="66"/>
        <source>н</source>
        <comment>«absent» in a cell</comment>
        <translation>a</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="67"/>
        <source>б</source>
        <comment>«ill» in a cell</comment>
        <translation>i</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="68"/>
        <source>у</source>
        <comment>«excused» in a cell</comment>
        <translation>e</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="75"/>
        <source>был</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="76"/>
        <source>не был</source>
        <translation>absent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="77"/>
        <source>болел</source>
        <translation>ill</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="78"/>
        <source>уважительная причина</source>
        <translation>excused</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="86"/>
        <source>Занятие не проведено по вине исполнителя</source>
        <translation>Lesson not held through the provider&apos;s fault</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="89"/>
        <source>Занятие перенесено с %1</source>
        <translation>Lesson moved from %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="244"/>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="278"/>
        <source>сегодня</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="247"/>
        <source>Итого</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="271"/>
        <source>занятия нет в новом расписании; оставлено, потому что есть отметки</source>
        <translation>not in the new schedule; kept because it has marks</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="280"/>
        <source>будущее занятие: в итоги войдёт, когда пройдёт</source>
        <translation>future lesson: counted in the totals once it is held</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="284"/>
        <source>Был на занятиях / проведено занятий (будущие не считаются)</source>
        <translation>Attended / lessons held (future ones not counted)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="293"/>
        <source>Присутствовали</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="296"/>
        <source>Дата рождения: %1</source>
        <translation>Date of birth: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="302"/>
        <source>Сертификат № %1</source>
        <translation>Certificate No. %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="306"/>
        <source>В группе с %1</source>
        <translation>In the group since %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="311"/>
        <source>по %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="336"/>
        <source>Занятие ещё не прошло</source>
        <translation>The lesson has not been held yet</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="375"/>
        <source> — отметки на нём не ставятся</source>
        <translation> — no marks are set on it</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="378"/>
        <source>%1 ребёнок не числился в группе</source>
        <translation>On %1 the child was not a member of the group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/model.py" line="383"/>
        <source>месяц закрыт для оплаты: отметки не меняются</source>
        <translation>the month is closed for payment: its marks no longer change</translation>
    </message>
</context>
<context>
    <name>JournalPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="174"/>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="331"/>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="416"/>
        <source>Выберите группу слева</source>
        <translation>Choose a group on the left</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="187"/>
        <source>Предыдущий месяц</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="191"/>
        <source>Следующий месяц</source>
        <translation>Next month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="200"/>
        <source>Печать журнала</source>
        <translation>Print journal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="202"/>
        <source>Журнал посещаемости группы за этот месяц: предпросмотр и печать (Ctrl+P)</source>
        <translation>The group&apos;s attendance journal for this month: preview and print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="207"/>
        <source>Экспорт в Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="208"/>
        <source>Журнал группы за этот месяц в файл Excel (.xlsx); стрелка — все группы за месяц, лист на группу</source>
        <translation>The group&apos;s journal for this month to an Excel file (.xlsx); the arrow: every group of the month, a sheet per group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="212"/>
        <source>Эта группа за месяц…</source>
        <translation>This group for the month…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="214"/>
        <source>Все группы за месяц…</source>
        <translation>All groups for the month…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="341"/>
        <source>с %1 по %2</source>
        <translation>from %1 to %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="421"/>
        <source>ПК не подключён к порталу</source>
        <translation>This PC is not connected to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="422"/>
        <source>Групп пока нет</source>
        <translation>No groups yet</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="423"/>
        <source>Загружаю группы с портала…</source>
        <translation>Loading groups from the portal…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="431"/>
        <source>Подключите ПК к порталу: нажмите «Подключить к порталу…» и введите одноразовый код, который выдаёт муниципальный опорный центр. После подключения группы загрузятся с портала.</source>
        <translation>Connect this PC to the portal: click &quot;Connect to the portal…&quot; and enter the one-time code issued by the municipal support centre. Once connected, the groups will be loaded from the portal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="435"/>
        <source>Подключить к порталу…</source>
        <translation>Connect to the portal…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="439"/>
        <source>Групп пока нет. Нажмите «Синхронизировать», чтобы загрузить группы с портала.</source>
        <translation>No groups yet. Click &quot;Synchronise&quot; to load the groups from the portal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="443"/>
        <source>⟳ Синхронизировать</source>
        <translation>⟳ Synchronise</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="447"/>
        <source>Идёт первая синхронизация: группы, дети и расписания загружаются с портала. Ход загрузки — внизу окна.</source>
        <translation>The first synchronisation is running: groups, children and schedules are being loaded from the portal. Progress is shown at the bottom of the window.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="474"/>
        <source>Занятие %1 не проведено по вине исполнителя: отметки на нём не ставятся. Если занятие было, отметьте его проведённым (меню заголовка столбца) и повторите отметку.</source>
        <translation>The lesson of %1 was not held through the provider&apos;s fault: no marks are set on it. If the lesson took place, mark it as held (the column header&apos;s menu) and set the mark again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="479"/>
        <source>Месяц %1 уже закрыт для оплаты: отметки за него не меняются. Если отметка неверна, обратитесь в уполномоченную организацию.</source>
        <translation>The month %1 is already closed for payment: its marks no longer change. If a mark is wrong, contact the authorised organisation.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="483"/>
        <source>%1 ребёнок не числился в группе: отметку поставить нельзя.</source>
        <translation>On %1 the child was not a member of the group: no mark can be set.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="519"/>
        <source>Отметка не сохранена из-за внутренней ошибки.</source>
        <translation>The mark was not saved because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="560"/>
        <source>Очистить   (Delete)</source>
        <translation>Clear   (Delete)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="582"/>
        <source>Занятие не проведено по вине исполнителя…</source>
        <translation>Lesson not held through the provider&apos;s fault…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="585"/>
        <source>Перенести занятие на…</source>
        <translation>Move the lesson to…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="587"/>
        <source>Занятие проведено</source>
        <translation>Lesson held</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="591"/>
        <source>Тема занятия…</source>
        <translation>Lesson theme…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="665"/>
        <source>Состояние занятия не сохранено из-за внутренней ошибки.</source>
        <translation>The lesson&apos;s state was not saved because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="702"/>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="704"/>
        <source>Журнал</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="702"/>
        <source>все группы</source>
        <translation>all groups</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="705"/>
        <source>Экспорт журнала в Excel</source>
        <translation>Export the journal to Excel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="717"/>
        <source>групп: %1</source>
        <translation>groups: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="754"/>
        <source>Выберите группу в списке слева, чтобы открыть журнал.</source>
        <translation>Choose a group in the list on the left to open its journal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="756"/>
        <source>В этом месяце в группе нет детей.</source>
        <translation>The group has no children this month.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="758"/>
        <source>В этом месяце у группы нет занятий по расписанию.</source>
        <translation>The group has no scheduled lessons this month.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/panel.py" line="785"/>
        <source>Пробел — был, Delete — очистить, двойной щелчок — следующая отметка, правая кнопка — меню. Серые клетки — ребёнок не числился в группе.</source>
        <translation>Space — present, Delete — clear, double click — next mark, right button — menu. Grey cells — the child was not a member of the group.</translation>
    </message>
</context>
<context>
    <name>LessonThemeDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="107"/>
        <source>Тема занятия</source>
        <translation>Lesson theme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="108"/>
        <source>Тема занятия %1 по календарно-тематическому плану. Она уйдёт на портал и будет видна в подсказке столбца журнала; пустая тема убирает её.</source>
        <translation>The theme of the lesson on %1 from the lesson plan. It goes to the portal and shows in the journal column&apos;s tooltip; an empty theme removes it.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="113"/>
        <source>Например: «Введение. Техника безопасности»</source>
        <translation>For example: “Introduction. Safety rules”</translation>
    </message>
</context>
<context>
    <name>MainTab</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="75"/>
        <source>Как в приказе об утверждении программы</source>
        <translation>As in the order approving the programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="77"/>
        <source>Для списков и журнала</source>
        <translation>For lists and the journal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="79"/>
        <source>О чём программа: для родителей на портале</source>
        <translation>What the programme is about: for parents on the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="81"/>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="85"/>
        <source>— выберите —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="82"/>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="84"/>
        <source>— не указан —</source>
        <translation>— not set —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="83"/>
        <source>— не указана —</source>
        <translation>— not set —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="91"/>
        <source>Полных лет: от %1 до %2</source>
        <translation>Full years: from %1 to %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="97"/>
        <source> нед.</source>
        <translation> wk</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="100"/>
        <source>Нужна медицинская справка</source>
        <translation>Medical certificate required</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="105"/>
        <source>Добавить адрес</source>
        <translation>Add address</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="105"/>
        <source>Адрес, где идут занятия</source>
        <translation>Address where classes take place</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="107"/>
        <source>Добавить педагога</source>
        <translation>Add teacher</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="107"/>
        <source>ФИО педагога</source>
        <translation>Teacher&apos;s full name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="130"/>
        <source>Полное название:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="131"/>
        <source>Краткое название:</source>
        <translation>Short name:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="132"/>
        <source>Аннотация:</source>
        <translation>Annotation:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="133"/>
        <source>Направленность:</source>
        <translation>Direction:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="134"/>
        <source>Вид:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="135"/>
        <source>Форма обучения:</source>
        <translation>Form of study:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="136"/>
        <source>Уровень:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="137"/>
        <source>Реестр:</source>
        <translation>Registry:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="141"/>
        <source>от</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="143"/>
        <source>до</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="145"/>
        <source>лет (включительно)</source>
        <translation>years (inclusive)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="147"/>
        <source>Возраст детей:</source>
        <translation>Children&apos;s age:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="148"/>
        <source>Продолжительность:</source>
        <translation>Duration:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="153"/>
        <source>Принимает детей с ОВЗ</source>
        <translation>Accepts children with disabilities</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="160"/>
        <source>Адреса:</source>
        <translation>Addresses:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/main_tab.py" line="161"/>
        <source>Педагоги:</source>
        <translation>Teachers:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="151"/>
        <source>Главная</source>
        <translation>Main</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="155"/>
        <source>⟳ Синхронизировать</source>
        <translation>⟳ Synchronise</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="159"/>
        <source>Отправить отметки на портал и получить изменения (F5)</source>
        <translation>Send the marks to the portal and receive changes (F5)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="162"/>
        <source>Подключить к порталу…</source>
        <translation>Connect to the portal…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="167"/>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="594"/>
        <source>Требует внимания: %1</source>
        <translation>Needs attention: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="184"/>
        <source>Журнал</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="185"/>
        <source>Дети и сертификаты</source>
        <translation>Children and certificates</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="186"/>
        <source>Заявки</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="187"/>
        <source>Программы</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="188"/>
        <source>Оплата</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="189"/>
        <source>Показатели</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="203"/>
        <source>Печать…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="317"/>
        <source>Требует внимания</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="223"/>
        <source>Отменить</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="595"/>
        <source>Изменения, которые портал не принял, и что с ними делать</source>
        <translation>Changes the portal did not accept, and what to do about them</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="621"/>
        <source>ПК не подключён к порталу</source>
        <translation>This PC is not connected to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="624"/>
        <source>Не отправлено: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="628"/>
        <source>Синхронизация: %1</source>
        <translation>Synchronised: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="630"/>
        <source>Синхронизаций ещё не было</source>
        <translation>Never synchronised</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="644"/>
        <source>%1 дн.</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="645"/>
        <source>%1 ч</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="646"/>
        <source>%1 мин</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="647"/>
        <source>Часы ПК отстают от портала на %1</source>
        <translation>The PC&apos;s clock is %1 behind the portal&apos;s</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="648"/>
        <source>Часы ПК спешат относительно портала на %1</source>
        <translation>The PC&apos;s clock is %1 ahead of the portal&apos;s</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="651"/>
        <source>Исправьте дату, время и часовой пояс в настройках системы: по ним журнал выбирает сегодняшний день, а резервные копии и печатные формы — дату. Отметки датируются по часам портала и не пострадают.</source>
        <translation>Correct the date, time and time zone in the system settings: the journal picks today&apos;s date by them, and the backups and printed forms their dates. Marks are dated by the portal&apos;s clock and will not suffer.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="660"/>
        <source>(демо)</source>
        <translation>(demo)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="706"/>
        <source>&amp;Файл</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="708"/>
        <source>Экспорт в Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="711"/>
        <source>Резервные копии…</source>
        <translation>Backups…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="715"/>
        <source>Выход</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="719"/>
        <source>&amp;Сервис</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="722"/>
        <source>Настройки…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="725"/>
        <source>С&amp;правка</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="726"/>
        <source>Руководство</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="730"/>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="835"/>
        <source>Горячие клавиши</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="733"/>
        <source>Журнал программы</source>
        <translation>Application log</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="736"/>
        <source>О программе</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="769"/>
        <source>На этом экране выгружать в Excel нечего.</source>
        <translation>This screen has nothing to export to Excel.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="805"/>
        <source>Язык интерфейса сменится после перезапуска программы.</source>
        <translation>The interface language changes after a restart.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="808"/>
        <source>Данные перенесены в папку %1; программа работает с ней.</source>
        <translation>The data were moved to the folder %1; the program works with it now.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="813"/>
        <source>ПК отключён от портала. Данные сохранены на этом ПК; подключить его снова можно кнопкой «Подключить к порталу…».</source>
        <translation>The PC is disconnected from the portal. The data are kept on this PC; connect it again with “Connect to the portal…”.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="831"/>
        <source>Журнал, Дети, Заявки, Программы, Оплата, Показатели</source>
        <translation>Journal, Children, Applications, Programmes, Payment, Indicators</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="832"/>
        <source>Синхронизировать</source>
        <translation>Synchronise</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="832"/>
        <source>Печать</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="833"/>
        <source>был, не был, болел, уважительная причина (в журнале)</source>
        <translation>present, absent, ill, excused (in the journal)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="834"/>
        <source>Пробел</source>
        <translation>Space</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="834"/>
        <source>был</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="834"/>
        <source>очистить отметку</source>
        <translation>clear the mark</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="906"/>
        <source>Группа не найдена в списке: сбросьте фильтры групп.</source>
        <translation>The group is not in the list: reset the group filters.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="936"/>
        <source>Синхронизация…</source>
        <translation>Synchronising…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="970"/>
        <source>Останавливаю синхронизацию…</source>
        <translation>Stopping the synchronisation…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="993"/>
        <source>Синхронизация завершена: отправлено %1, получено %2, отклонено %3</source>
        <translation>Synchronisation finished: %1 sent, %2 received, %3 rejected</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="1006"/>
        <source>Синхронизация не удалась: %1</source>
        <translation>Synchronisation failed: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/main_window.py" line="1008"/>
        <source>Синхронизация не удалась из-за внутренней ошибки.</source>
        <translation>Synchronisation failed because of an internal error.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="197"/>
        <source>Столбцы</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="200"/>
        <source>Укажите, в каком столбце файла что записано. Обязательны ФИО (или фамилия и имя) и дата рождения; остальное — если есть.</source>
        <translation>Say which column of the file holds what. The full name (or surname and first name) and the date of birth are required; the rest if present.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="238"/>
        <source>Сопоставление из прошлого импорта файла с такими же столбцами.</source>
        <translation>Mapping from the last import of a file with the same columns.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="240"/>
        <source>Столбцы угаданы по заголовкам — проверьте.</source>
        <translation>Columns guessed from the headers — check them.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="246"/>
        <source>— нет в файле —</source>
        <translation>— not in the file —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="251"/>
        <source>%1: «%2»</source>
        <translation>%1: “%2”</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="253"/>
        <source> (например, %1)</source>
        <translation> (e.g. %1)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="281"/>
        <source>Не выбраны обязательные столбцы: %1. Без них строки не проверить.</source>
        <translation>Required columns not chosen: %1. Rows cannot be checked without them.</translation>
    </message>
</context>
<context>
    <name>MembershipStatus</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="122"/>
        <source>обучается</source>
        <translation>studying</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="123"/>
        <source>отчислен</source>
        <translation>expelled</translation>
    </message>
</context>
<context>
    <name>ModulesTab</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="64"/>
        <source>Добавить модуль</source>
        <translation>Add module</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="66"/>
        <source>Удалить модуль</source>
        <translation>Delete module</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="70"/>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="182"/>
        <source>Модуль (год обучения)</source>
        <translation>Module (year of study)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="72"/>
        <source>Например: 1-й год обучения</source>
        <translation>E.g. 1st year of study</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="76"/>
        <source> ч</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="89"/>
        <source>бесплатно</source>
        <translation>free</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="101"/>
        <source>Название:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="103"/>
        <source>Часов:</source>
        <translation>Hours:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="107"/>
        <source>от</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="109"/>
        <source>до</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="112"/>
        <source>Детей в группе:</source>
        <translation>Children per group:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="113"/>
        <source>Цена:</source>
        <translation>Price:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="114"/>
        <source>Нормативная стоимость:</source>
        <translation>Normative cost:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="117"/>
        <source>Цена не выше нормативной стоимости × %1 (предел региона)</source>
        <translation>Price not above the normative cost × %1 (the region&apos;s cap)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="180"/>
        <source>Модуль %1</source>
        <translation>Module %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/modules_tab.py" line="261"/>
        <source>есть замечания в группах: вкладка «Группы»</source>
        <translation>problems in groups: see the “Groups” tab</translation>
    </message>
</context>
<context>
    <name>ModulesTableModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="186"/>
        <source>Модуль</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="187"/>
        <source>Часов</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="188"/>
        <source>Детей в группе</source>
        <translation>Children per group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="189"/>
        <source>Цена</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="190"/>
        <source>Нормативная стоимость</source>
        <translation>Normative cost</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="191"/>
        <source>Групп</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="192"/>
        <source>Замечание</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>MoneyKind</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1103"/>
        <source>Заявка на аванс</source>
        <translation>The advance request</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1104"/>
        <source>Счёт</source>
        <translation>The invoice</translation>
    </message>
</context>
<context>
    <name>MoneyStatus</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1105"/>
        <source>черновик</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1106"/>
        <source>отправлен</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1107"/>
        <source>принят</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1108"/>
        <source>возвращён</source>
        <translation>returned</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1109"/>
        <source>оплачен</source>
        <translation>paid</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1110"/>
        <source>отправлена</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1111"/>
        <source>принята</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1112"/>
        <source>возвращена</source>
        <translation>returned</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1113"/>
        <source>оплачена</source>
        <translation>paid</translation>
    </message>
</context>
<context>
    <name>MoveLessonDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="76"/>
        <source>Перенос занятия</source>
        <translation>Move a lesson</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="77"/>
        <source>Перенести занятие %1 на другой день. Отметки детей ставятся в день, на который занятие перенесено.</source>
        <translation>Move the lesson of %1 to another day. Children&apos;s marks are set on the day the lesson is moved to.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="84"/>
        <source>Причина (необязательно)</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="85"/>
        <source>Новая дата:</source>
        <translation>New date:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/journal/lesson_dialogs.py" line="98"/>
        <source>Укажите дату, на которую переносится занятие.</source>
        <translation>Give the date the lesson is moved to.</translation>
    </message>
</context>
<context>
    <name>NewApplicationDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="95"/>
        <source>Новая заявка</source>
        <translation>New application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="100"/>
        <source>ФИО, дата рождения, сертификат или СНИЛС</source>
        <translation>Name, date of birth, certificate or SNILS</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="116"/>
        <source>10 цифр из заявления родителя</source>
        <translation>10 digits from the parent&apos;s application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="141"/>
        <source>Подать заявку</source>
        <translation>Submit application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="144"/>
        <source>Найти ребёнка:</source>
        <translation>Find a child:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="145"/>
        <source>Ребёнок:</source>
        <translation>Child:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="146"/>
        <source>Группа:</source>
        <translation>Group:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="148"/>
        <source>Дата начала обучения:</source>
        <translation>Start date:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="149"/>
        <source>Номер сертификата:</source>
        <translation>Certificate number:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="150"/>
        <source>Предварительная проверка (окончательно решает портал):</source>
        <translation>Pre-check (the portal makes the final decision):</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="184"/>
        <source>— выберите группу —</source>
        <translation>— choose a group —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="209"/>
        <source>— найдите ребёнка по ФИО, дате рождения или сертификату —</source>
        <translation>— find a child by name, date of birth or certificate —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="211"/>
        <source>— никого не нашлось —</source>
        <translation>— nobody found —</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="301"/>
        <source>Номер сертификата — ровно 10 цифр, а введено %1: сверьте с заявлением родителя</source>
        <translation>A certificate number has exactly 10 digits, %1 entered: check it against the parent&apos;s application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="323"/>
        <source>Совпадает с номером сертификата ребёнка на этом ПК.</source>
        <translation>Matches the child&apos;s certificate number on this PC.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="325"/>
        <source>Номер сверит портал при подаче заявки.</source>
        <translation>The portal will check the number when the application is sent.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="327"/>
        <source>Обязательно: номер из заявления родителя.</source>
        <translation>Required: the number from the parent&apos;s application.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="329"/>
        <source>Для этой программы номер можно не указывать.</source>
        <translation>For this programme the number may be left empty.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="341"/>
        <source>Выберите ребёнка.</source>
        <translation>Choose a child.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="341"/>
        <source>Выберите группу.</source>
        <translation>Choose a group.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="348"/>
        <source>Укажите дату начала обучения (ДД.ММ.ГГГГ).</source>
        <translation>Enter the start date (DD.MM.YYYY).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="352"/>
        <source>Дата начала обучения: %1</source>
        <translation>Start date: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="377"/>
        <source>занятия с %1 по %2</source>
        <translation>classes from %1 to %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="392"/>
        <source>Свободных мест: %1 из %2.</source>
        <translation>Free places: %1 of %2.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="399"/>
        <source>Заявку не примут — причин: %1</source>
        <translation>The application will be refused — reasons: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="402"/>
        <source>Что делать:</source>
        <translation>What to do:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="419"/>
        <source>Ребёнка можно записать в эту группу.</source>
        <translation>The child can be enrolled in this group.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="428"/>
        <source>Стоимость по договору</source>
        <translation>Contract price</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="429"/>
        <source>за %1 мес.</source>
        <translation>for %1 months</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="431"/>
        <source>Оплачивает сертификат</source>
        <translation>Paid by the certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="432"/>
        <source>Доплачивает родитель</source>
        <translation>Paid by the parent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="433"/>
        <source>Остаток сертификата после резерва</source>
        <translation>Certificate balance after the reserve</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="438"/>
        <source>По месяцам (сертификат / родитель)</source>
        <translation>Per month (certificate / parent)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="439"/>
        <source>первый месяц %1 / %2, далее %3 / %4</source>
        <translation>first month %1 / %2, then %3 / %4</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="452"/>
        <source>Сертификат покрывает не всё: родитель доплачивает разницу.</source>
        <translation>The certificate does not cover everything: the parent pays the difference.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="464"/>
        <source>Платная программа: сертификат не используется.</source>
        <translation>Paid programme: the certificate is not used.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="466"/>
        <source>Программа из реестра «%1»: оплата по сертификату не списывается.</source>
        <translation>Programme of the “%1” registry: nothing is charged to the certificate.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/applications/new_dialog.py" line="499"/>
        <source>Заявка не сохранена из-за внутренней ошибки.</source>
        <translation>The application was not saved because of an internal error.</translation>
    </message>
</context>
<context>
    <name>NewChildDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="78"/>
        <source>Новый ребёнок</source>
        <translation>New child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="84"/>
        <source>Запрос уйдёт на портал при синхронизации. Портал найдёт ребёнка в реестре по ФИО и дате рождения (и СНИЛС) или создаст нового с сертификатом учёта.</source>
        <translation>The request goes to the portal with the next sync. The portal finds the child in the registry by name and date of birth (and SNILS) or creates a new one with an accounting certificate.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="92"/>
        <source>Иванов</source>
        <translation>Ivanov</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="93"/>
        <source>Иван</source>
        <translation>Ivan</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="94"/>
        <source>Иванович (если есть)</source>
        <translation>Ivanovich (if any)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="104"/>
        <source>IV-МЮ 123456</source>
        <translation>IV-МЮ 123456</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="106"/>
        <source>10 цифр, если есть</source>
        <translation>10 digits, if any</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="108"/>
        <source>Иванова</source>
        <translation>Ivanova</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="109"/>
        <source>Мария</source>
        <translation>Maria</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="110"/>
        <source>Петровна</source>
        <translation>Petrovna</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="135"/>
        <source>Ребёнок</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="137"/>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="148"/>
        <source>Фамилия:</source>
        <translation>Surname:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="138"/>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="149"/>
        <source>Имя:</source>
        <translation>First name:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="139"/>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="150"/>
        <source>Отчество:</source>
        <translation>Patronymic:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="140"/>
        <source>Дата рождения:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="141"/>
        <source>СНИЛС:</source>
        <translation>SNILS:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="142"/>
        <source>Документ:</source>
        <translation>Document:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="143"/>
        <source>Серия и номер:</source>
        <translation>Series and number:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="144"/>
        <source>Сертификат:</source>
        <translation>Certificate:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="146"/>
        <source>Родитель (законный представитель)</source>
        <translation>Parent (legal representative)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="151"/>
        <source>Кем приходится:</source>
        <translation>Relation:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="152"/>
        <source>Телефон:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="153"/>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="163"/>
        <source>Открыть карточку</source>
        <translation>Open the card</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="170"/>
        <source>Отправить запрос</source>
        <translation>Send request</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="325"/>
        <source>%1
Новый запрос не нужен: откройте карточку этого ребёнка.</source>
        <translation>%1
No new request is needed: open this child&apos;s card.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/children/new_child_dialog.py" line="316"/>
        <source>Запрос не сохранён из-за внутренней ошибки.</source>
        <translation>The request was not saved because of an internal error.</translation>
    </message>
</context>
<context>
    <name>OperatorMessages</name>
    <message>
        <location filename="../../pfdo_desktop/ui/errors.py" line="43"/>
        <source>Портал не ответил вовремя (медленная или прерванная связь). Данные сохранены на этом ПК и будут отправлены при следующей синхронизации.</source>
        <translation>The portal did not answer in time (a slow or broken connection). The data are kept on this PC and will be sent at the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/errors.py" line="45"/>
        <source>Портал прислал ответ, который программа не понимает (возможно, сбой портала или прокси). Ничего не потеряно: повторите синхронизацию позже.</source>
        <translation>The portal sent an answer the program does not understand (perhaps a failure of the portal or a proxy). Nothing is lost: sync again later.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/errors.py" line="47"/>
        <source>Портал не принимает ключ этого ПК (устройство отключено или ключ отозван). Получите у оператора портала новый код подключения и подключите ПК заново; несинхронизированные данные сохранены.</source>
        <translation>The portal does not accept this PC&apos;s key (the device was disconnected or the key revoked). Get a new connection code from the portal&apos;s operator and connect the PC again; the unsynced data are kept.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/errors.py" line="50"/>
        <source>Синхронизация прервана. Всё, что успело пройти, сохранено.</source>
        <translation>Sync stopped. Everything that got through is kept.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/errors.py" line="51"/>
        <source>ПК не подключён к порталу: сначала подключите его кодом.</source>
        <translation>The PC is not connected to the portal: connect it with a code first.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/errors.py" line="70"/>
        <source>Нет связи с порталом %1 (%2). Работайте дальше: всё сохранено на этом ПК и уйдёт на портал при следующей синхронизации.</source>
        <translation>No connection to the portal %1 (%2). Keep working: everything is saved on this PC and goes to the portal at the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/errors.py" line="79"/>
        <source>Сбой на стороне портала (HTTP %1). Ничего не потеряно: программа повторит отправку позже.</source>
        <translation>A failure on the portal&apos;s side (HTTP %1). Nothing is lost: the program will send again later.</translation>
    </message>
</context>
<context>
    <name>PaymentBlockers</name>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="74"/>
        <source>счёт за %m можно выставить с %since</source>
        <translation>the invoice for %m can be issued from %since</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="76"/>
        <source>заявок без решения старше %days дн.: %c</source>
        <translation>applications without a decision for more than %days days: %c</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="78"/>
        <source>занятие %d без отметок</source>
        <translation>lesson of %d has no marks</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="80"/>
        <source>не отмечено занятий: %c</source>
        <translation>lessons without marks: %c</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="82"/>
        <source>занятие %d — детей без отметки: %c</source>
        <translation>lesson of %d: children without a mark: %c</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="84"/>
        <source>занятий, где отмечены не все дети: %c</source>
        <translation>lessons where not every child is marked: %c</translation>
    </message>
</context>
<context>
    <name>PaymentPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="120"/>
        <source>Заявка на аванс</source>
        <translation>Advance request</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="121"/>
        <source>Заявка на аванс за текущий месяц: предпросмотр и печать</source>
        <translation>The advance request for the current month: preview and print</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="123"/>
        <source>Счёт за месяц</source>
        <translation>Invoice for the month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="125"/>
        <source>Счёт с приложением за выбранный месяц: предпросмотр и печать</source>
        <translation>The invoice with its annex for the chosen month: preview and print</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="127"/>
        <source>Экспорт в Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="130"/>
        <source>Месяц:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="138"/>
        <source>Группа</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="138"/>
        <source>Программа</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="138"/>
        <source>Запланировано</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="138"/>
        <source>Проведено</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="139"/>
        <source>Не проведено</source>
        <translation>Not held</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="139"/>
        <source>Объём, %</source>
        <translation>Completeness, %</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="139"/>
        <source>Договоров</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="139"/>
        <source>Сертификаты, ₽</source>
        <translation>Certificates, ₽</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="140"/>
        <source>Родители, ₽</source>
        <translation>Parents, ₽</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="150"/>
        <source>Двойной щелчок или Enter — открыть журнал на этом занятии</source>
        <translation>Double-click or Enter opens the journal at this lesson</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="159"/>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="162"/>
        <source>Отправить на портал</source>
        <translation>Send to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="160"/>
        <source>Отправить заявку на аванс за текущий месяц на портал</source>
        <translation>Send the advance request for the current month to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="163"/>
        <source>Отправить счёт за выбранный месяц на портал</source>
        <translation>Send the invoice for the chosen month to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="259"/>
        <source>Заявка на аванс за %1</source>
        <translation>Advance request for %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="259"/>
        <source>Счёт за %1</source>
        <translation>Invoice for %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="262"/>
        <source>%1: ещё не отправлена на портал</source>
        <translation>%1: not sent to the portal yet</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="263"/>
        <source>%1: ещё не отправлен на портал</source>
        <translation>%1: not sent to the portal yet</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="276"/>
        <source>За этот месяц уже выставлен счёт: аванс после счёта не подаётся</source>
        <translation>The month is already invoiced: no advance after the invoice</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="278"/>
        <source>Можно отправить с %1</source>
        <translation>Can be sent from %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="280"/>
        <source>Документ за этот месяц уже отправлен или ждёт отправки</source>
        <translation>The document for this month is already sent or waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="282"/>
        <source>Отправить на портал (уйдёт при следующей синхронизации)</source>
        <translation>Send to the portal (goes with the next sync)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="308"/>
        <source>Договоров: %1 · по сертификатам к оплате: %2 · родители: %3</source>
        <translation>Contracts: %1 · due by certificates: %2 · parents: %3</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="313"/>
        <source>Месяц нельзя закрыть, пока не исправлено:</source>
        <translation>The month cannot be closed until this is fixed:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="315"/>
        <source>Препятствий для закрытия месяца нет.</source>
        <translation>Nothing prevents closing the month.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="374"/>
        <source>В очереди: %1. Уйдёт на портал при следующей синхронизации.</source>
        <translation>Queued: %1. It goes to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="392"/>
        <source>Экспорт месяца в Excel</source>
        <translation>Export the month to Excel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="393"/>
        <source>Оплата</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/payment/panel.py" line="404"/>
        <source>договоров: %1</source>
        <translation>contracts: %1</translation>
    </message>
</context>
<context>
    <name>PendingAction</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="153"/>
        <source>новый ребёнок</source>
        <translation>new child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="154"/>
        <source>выбор ребёнка</source>
        <translation>choice of the child</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="155"/>
        <source>подача заявки</source>
        <translation>application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="156"/>
        <source>подтверждение заявки</source>
        <translation>confirmation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="157"/>
        <source>отклонение заявки</source>
        <translation>rejection</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="158"/>
        <source>отзыв заявки</source>
        <translation>withdrawal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="159"/>
        <source>зачисление</source>
        <translation>enrolment</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="160"/>
        <source>отчисление</source>
        <translation>expulsion</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="161"/>
        <source>перевод в другую группу</source>
        <translation>transfer to another group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="162"/>
        <source>расторжение договора</source>
        <translation>contract termination</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="163"/>
        <source>состояние занятия</source>
        <translation>lesson state</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="164"/>
        <source>тема занятия</source>
        <translation>lesson theme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="165"/>
        <source>заявка на аванс</source>
        <translation>advance request</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="166"/>
        <source>счёт за месяц</source>
        <translation>invoice for the month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="167"/>
        <source>запрос ПФ</source>
        <translation>PF status request</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1115"/>
        <source>команда</source>
        <translation>a command</translation>
    </message>
</context>
<context>
    <name>PortalKind</name>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/portal_kind.py" line="44"/>
        <source>Навигатор по адресу %1 не отвечает. Проверьте адрес и подключение к интернету и повторите; на этом ПК ничего не изменилось.</source>
        <translation>The Navigator at %1 does not answer. Check the address and the internet connection and try again; nothing has changed on this PC.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/portal_kind.py" line="54"/>
        <source>Введите e-mail учётной записи организации в Навигаторе, например org@example.ru.</source>
        <translation>Enter the e-mail of the organisation&apos;s account in the Navigator, e.g. org@example.ru.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/portal_kind.py" line="57"/>
        <source>Введите пароль учётной записи организации в Навигаторе.</source>
        <translation>Enter the password of the organisation&apos;s account in the Navigator.</translation>
    </message>
</context>
<context>
    <name>PortalKindChoice</name>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/portal_kind.py" line="71"/>
        <source>Портал ПФДО (код подключения)</source>
        <translation>PFDO portal (connection code)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/portal_kind.py" line="74"/>
        <source>Навигатор дополнительного образования (e-mail и пароль организации)</source>
        <translation>Navigator of additional education (the organisation&apos;s e-mail and password)</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="162"/>
        <source>Предпросмотр: %1</source>
        <translation>Preview: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="179"/>
        <source>Страниц: %1</source>
        <translation>Pages: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="185"/>
        <source>Печать…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="188"/>
        <source>Сохранить PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="190"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="256"/>
        <source>Печать: %1</source>
        <translation>Print: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="270"/>
        <source>Отправлено на печать страниц: %1</source>
        <translation>Pages sent to the printer: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="272"/>
        <source>Принтер не принял задание: проверьте, что он включён и выбран.</source>
        <translation>The printer did not accept the job: check that it is on and selected.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="320"/>
        <source>Сохранить PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="320"/>
        <source>Документ PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="331"/>
        <source>Файл не сохранён: %1</source>
        <translation>File not saved: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/preview.py" line="334"/>
        <source>Сохранено: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="300"/>
        <source>Проверка строк</source>
        <translation>Checking the rows</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="303"/>
        <source>Красные строки с ошибками и жёлтые (ребёнок уже есть в базе) будут пропущены; причина — в столбце «Проверка», целиком — под таблицей для выбранной строки.</source>
        <translation>Red rows (errors) and yellow rows (the child is already known) are skipped; the reason is in the “Check” column, in full under the table for the chosen row.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="308"/>
        <source>Импортировать</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="357"/>
        <source>Проверяю строки…</source>
        <translation>Checking the rows…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="367"/>
        <source>Строки не проверены из-за внутренней ошибки: ничего не изменено.</source>
        <translation>The rows were not checked because of an internal error: nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="377"/>
        <source>Выберите строку, чтобы прочитать причину целиком.</source>
        <translation>Choose a row to read the whole reason.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="382"/>
        <source>Строк в файле: %1. Будут импортированы: %2. С ошибками: %3. Уже есть в базе: %4.</source>
        <translation>Rows in the file: %1. To import: %2. With errors: %3. Already known: %4.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="389"/>
        <source>Импортировать нечего: исправьте файл или столбцы.</source>
        <translation>Nothing to import: fix the file or the columns.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="399"/>
        <source>Строка %1: </source>
        <translation>Row %1: </translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="401"/>
        <source>будет импортирована.</source>
        <translation>will be imported.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="431"/>
        <source>Импорт…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="449"/>
        <source>Импорт не выполнен из-за внутренней ошибки: ничего не изменено.</source>
        <translation>The import failed because of an internal error: nothing was changed.</translation>
    </message>
</context>
<context>
    <name>PrintForm</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="124"/>
        <source>Заявление о предоставлении сертификата</source>
        <translation>Application for a certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="125"/>
        <source>Выписка из реестра сертификатов</source>
        <translation>Extract from the certificate register</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="126"/>
        <source>Заявление о зачислении</source>
        <translation>Enrolment application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="127"/>
        <source>Договор об образовании (оферта)</source>
        <translation>Education contract (offer)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="128"/>
        <source>Согласие на обработку персональных данных</source>
        <translation>Consent to personal data processing</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="129"/>
        <source>Журнал посещаемости</source>
        <translation>Attendance journal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="130"/>
        <source>Уведомление о расторжении договора</source>
        <translation>Notice of contract termination</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="131"/>
        <source>Счёт на оплату за месяц с приложением</source>
        <translation>Invoice for the month with its annex</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="132"/>
        <source>Заявка на аванс</source>
        <translation>Advance request</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="133"/>
        <source>Реестр договоров за месяц</source>
        <translation>Register of contracts for the month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="134"/>
        <source>Отчёт о показателях за месяц</source>
        <translation>Indicators report for the month</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="189"/>
        <source>Печатать нечего: документов нет.</source>
        <translation>Nothing to print: there are no documents.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="267"/>
        <source>Отменяю…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="297"/>
        <source>PDF открыт в программе просмотра; файл: %1</source>
        <translation>The PDF is open in the system viewer; file: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="330"/>
        <source>Документ не напечатан из-за внутренней ошибки.</source>
        <translation>The document was not printed because of an internal error.</translation>
    </message>
</context>
<context>
    <name>ProgramCardView</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="93"/>
        <source>Направленность</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="94"/>
        <source>Вид</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="95"/>
        <source>Форма обучения</source>
        <translation>Form of study</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="96"/>
        <source>Уровень</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="97"/>
        <source>Реестр</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="98"/>
        <source>Возраст</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="99"/>
        <source>Продолжительность</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="99"/>
        <source>%1 нед.</source>
        <translation>%1 wk</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="100"/>
        <source>ОВЗ</source>
        <translation>Disabilities (OVZ)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="100"/>
        <source>нет</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="102"/>
        <source>Медицинская справка</source>
        <translation>Medical certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="103"/>
        <source>нужна</source>
        <translation>required</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="103"/>
        <source>не нужна</source>
        <translation>not required</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="105"/>
        <source>Адреса</source>
        <translation>Addresses</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="106"/>
        <source>Педагоги</source>
        <translation>Teachers</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="114"/>
        <source>Аннотация</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="116"/>
        <source>Модули</source>
        <translation>Modules</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="119"/>
        <source>Модулей нет.</source>
        <translation>No modules.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="121"/>
        <source>мест: %1</source>
        <translation>places: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="122"/>
        <source>расписание не задано</source>
        <translation>no schedule</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="124"/>
        <source>%1 ч, детей в группе %2–%3, цена %4, нормативная стоимость %5</source>
        <translation>%1 h, %2–%3 children per group, price %4, normative cost %5</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="57"/>
        <source>Выберите программу в списке, чтобы увидеть её карточку.</source>
        <translation>Choose a programme in the list to see its card.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="64"/>
        <source>(без названия)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="65"/>
        <source>Статус:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="74"/>
        <source>Замечание модератора: %1</source>
        <translation>Moderator&apos;s comment: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="76"/>
        <source>Портал не принял карточку: %1</source>
        <translation>The portal refused the card: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/card_view.py" line="82"/>
        <source>Карточка изменена на портале, пока правился черновик: откройте редактор, чтобы сверить.</source>
        <translation>The card changed on the portal while the draft was being edited: open the editor to compare.</translation>
    </message>
</context>
<context>
    <name>ProgramEditorDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="96"/>
        <source>Новая программа</source>
        <translation>New programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="97"/>
        <source>Программа: %1</source>
        <translation>Programme: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="106"/>
        <source>Основное</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="107"/>
        <source>Модули</source>
        <translation>Modules</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="108"/>
        <source>Группы</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="116"/>
        <source>Сохранить черновик</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="119"/>
        <source>Отправить на модерацию</source>
        <translation>Submit for moderation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="121"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="164"/>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="305"/>
        <source>Показать версию портала</source>
        <translation>Show the portal&apos;s version</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="167"/>
        <source>Оставить мой черновик</source>
        <translation>Keep my draft</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="169"/>
        <source>Черновик ляжет поверх новой версии портала; его можно будет отправить на модерацию</source>
        <translation>The draft is placed on top of the portal&apos;s new version; it can then be submitted for moderation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="172"/>
        <source>Взять версию портала</source>
        <translation>Take the portal&apos;s version</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="173"/>
        <source>Удалить черновик и открыть карточку, как она на портале</source>
        <translation>Delete the draft and open the card as it is on the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="271"/>
        <source>Карточка изменена на портале после того, как вы начали черновик. Черновик сохранён на ПК; сравните его с версией портала и решите, что отправить.</source>
        <translation>The card changed on the portal after you started the draft. The draft is kept on this PC; compare it with the portal&apos;s version and decide what to send.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="281"/>
        <source>Эту карточку сейчас изменить нельзя.</source>
        <translation>This card cannot be changed now.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="284"/>
        <source>(без комментария)</source>
        <translation>(no comment)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="287"/>
        <source>Модератор вернул карточку на доработку: «%1». Исправьте и отправьте снова — это будет новая редакция.</source>
        <translation>The moderator returned the card for revision: “%1”. Fix it and submit again — it will be a new revision.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="305"/>
        <source>Скрыть версию портала</source>
        <translation>Hide the portal&apos;s version</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="322"/>
        <source>Сохраняю выбор…</source>
        <translation>Saving the choice…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="337"/>
        <source>Черновик оставлен: его можно отправить на модерацию.</source>
        <translation>Draft kept: it can be submitted for moderation.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="339"/>
        <source>В редакторе — карточка с портала; черновик удалён.</source>
        <translation>The editor shows the portal&apos;s card; the draft was deleted.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="380"/>
        <source>Сохраняю черновик…</source>
        <translation>Saving the draft…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="388"/>
        <source>Черновик сохранён на ПК. На портал он уйдёт, когда вы отправите его на модерацию.</source>
        <translation>Draft saved on this PC. It goes to the portal when you submit it for moderation.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="402"/>
        <source>Сначала решите расхождение с порталом: «Оставить мой черновик» или «Взять версию портала».</source>
        <translation>First resolve the difference with the portal: “Keep my draft” or “Take the portal&apos;s version”.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="413"/>
        <source>Карточка не отправлена: исправьте замечания (%1).</source>
        <translation>The card was not submitted: fix the problems (%1).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="364"/>
        <source>Отправляю на модерацию…</source>
        <translation>Submitting for moderation…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="453"/>
        <source>Портал не примет карточку: исправьте замечания.</source>
        <translation>The portal will not accept the card: fix the problems.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="463"/>
        <source>Карточка не сохранена из-за внутренней ошибки.</source>
        <translation>The card was not saved because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="489"/>
        <source>Сохраняю группу…</source>
        <translation>Saving the group…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="495"/>
        <source>Группа сохранена: она уйдёт на портал при синхронизации.</source>
        <translation>Group saved: it goes to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/editor.py" line="507"/>
        <source>Есть несохранённые изменения (черновик или группы). Сохраните их или нажмите «Закрыть» ещё раз, чтобы выйти без сохранения.</source>
        <translation>There are unsaved changes (draft or groups). Save them or press “Close” again to leave without saving.</translation>
    </message>
</context>
<context>
    <name>ProgramKind</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="135"/>
        <source>общеразвивающая</source>
        <translation>general developmental</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="136"/>
        <source>предпрофессиональная</source>
        <translation>pre-professional</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="137"/>
        <source>спортивной подготовки</source>
        <translation>sports training</translation>
    </message>
</context>
<context>
    <name>ProgramLevel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="142"/>
        <source>стартовый</source>
        <translation>starting</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="143"/>
        <source>базовый</source>
        <translation>basic</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="144"/>
        <source>продвинутый</source>
        <translation>advanced</translation>
    </message>
</context>
<context>
    <name>ProgramStatus</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="117"/>
        <source>черновик</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="118"/>
        <source>на модерации</source>
        <translation>in moderation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="119"/>
        <source>опубликована</source>
        <translation>published</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="120"/>
        <source>на доработке</source>
        <translation>returned for revision</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="121"/>
        <source>архив</source>
        <translation>archived</translation>
    </message>
</context>
<context>
    <name>ProgramTexts</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="13"/>
        <source>пн</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="14"/>
        <source>вт</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="15"/>
        <source>ср</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="16"/>
        <source>чт</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="17"/>
        <source>пт</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="18"/>
        <source>сб</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="19"/>
        <source>вс</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="26"/>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="31"/>
        <source>лет</source>
        <translation>years</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="28"/>
        <source>год</source>
        <translation>year</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="30"/>
        <source>года</source>
        <translation>years</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="77"/>
        <source>на доработке: %1</source>
        <translation>returned for revision: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="81"/>
        <source>%1 · новая редакция на модерации</source>
        <translation>%1 · new revision under moderation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="86"/>
        <source>%1 · изменена на портале: сверьте черновик</source>
        <translation>%1 · changed on the portal: check the draft</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="90"/>
        <source>черновик на ПК</source>
        <translation>draft on this PC</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="94"/>
        <source>портал не принял: %1</source>
        <translation>refused by the portal: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/texts.py" line="114"/>
        <source>по датам: %1</source>
        <translation>by dates: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="238"/>
        <source>Полное название</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="239"/>
        <source>Краткое название</source>
        <translation>Short name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="240"/>
        <source>Аннотация</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="241"/>
        <source>Направленность</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="242"/>
        <source>Вид</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="243"/>
        <source>Форма обучения</source>
        <translation>Form of study</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="244"/>
        <source>Уровень</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="245"/>
        <source>Реестр</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="246"/>
        <source>Возраст</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="247"/>
        <source>Продолжительность, недель</source>
        <translation>Duration, weeks</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="248"/>
        <source>ОВЗ</source>
        <translation>Disabilities (OVZ)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="249"/>
        <source>Медицинская справка</source>
        <translation>Medical certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="250"/>
        <source>Адреса</source>
        <translation>Addresses</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="251"/>
        <source>Педагоги</source>
        <translation>Teachers</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="273"/>
        <source>да</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="275"/>
        <source>нет</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="281"/>
        <source>Модуль %1</source>
        <translation>Module %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="285"/>
        <source>%1: %2 ч, детей %3–%4, цена %5, норматив %6</source>
        <translation>%1: %2 h, %3–%4 children, price %5, normative %6</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="302"/>
        <source>%1, группа «%2»</source>
        <translation>%1, group “%2”</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="305"/>
        <source>%1, мест %2, %3; %4</source>
        <translation>%1, %2 places, %3; %4</translation>
    </message>
</context>
<context>
    <name>ProgramsPanel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="80"/>
        <source>Название или педагог</source>
        <translation>Name or teacher</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="84"/>
        <source>Все направленности</source>
        <translation>All directions</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="90"/>
        <source>любого</source>
        <translation>any</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="91"/>
        <source> лет</source>
        <translation> years</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="93"/>
        <source>Программы, которые принимают ребёнка этого возраста</source>
        <translation>Programmes that accept a child of this age</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="95"/>
        <source>Все реестры</source>
        <translation>All registries</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="99"/>
        <source>Все статусы</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="103"/>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="180"/>
        <source>Все педагоги</source>
        <translation>All teachers</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="123"/>
        <source>Новая программа…</source>
        <translation>New programme…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="125"/>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="283"/>
        <source>Редактировать…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="137"/>
        <source>для возраста</source>
        <translation>for age</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="223"/>
        <source>Программ: %1 из %2</source>
        <translation>Programmes: %1 of %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="225"/>
        <source>Программ: %1</source>
        <translation>Programmes: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="244"/>
        <source>Все направленности (%1)</source>
        <translation>All directions (%1)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="283"/>
        <source>Открыть…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="292"/>
        <source>Экспорт каталога программ в Excel</source>
        <translation>Export the programme catalogue to Excel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="293"/>
        <source>Программы</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="304"/>
        <source>программ: %1</source>
        <translation>programmes: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="380"/>
        <source>Черновик сохранён на ПК.</source>
        <translation>Draft saved on this PC.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="384"/>
        <source>Карточка отправлена на модерацию: она уйдёт на портал при синхронизации.</source>
        <translation>The card was submitted for moderation: it goes to the portal with the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/panel.py" line="387"/>
        <source>Группа сохранена: она уйдёт на портал при синхронизации.</source>
        <translation>Group saved: it goes to the portal with the next sync.</translation>
    </message>
</context>
<context>
    <name>ProgramsTableModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="47"/>
        <source>Программа</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="48"/>
        <source>Направленность</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="49"/>
        <source>Возраст</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="50"/>
        <source>Реестр</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="51"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="52"/>
        <source>Педагоги</source>
        <translation>Teachers</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="53"/>
        <source>Мод./гр.</source>
        <translation>Mod./gr.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="74"/>
        <source>Модулей / групп</source>
        <translation>Modules / groups</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/model.py" line="95"/>
        <source>(без названия)</source>
        <translation>(untitled)</translation>
    </message>
</context>
<context>
    <name>ProgressWindow</name>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="123"/>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="144"/>
        <source>Готовлю документы…</source>
        <translation>Preparing the documents…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="127"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/printing/job.py" line="139"/>
        <source>Документ %1 из %2</source>
        <translation>Document %1 of %2</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="37"/>
        <source>«%1»</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="38"/>
        <source>%1 %3 %2 мес.</source>
        <translation>%1 y %2 m</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="39"/>
        <source>Портал нашёл несколько похожих детей: сначала выберите нужного в карточке ребёнка, потом подавайте заявку.</source>
        <translation>The portal found several similar children: first choose the right one in the child&apos;s card, then submit the application.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="43"/>
        <source>Ребёнок этой заявки ещё не определён порталом: синхронизируйте данные.</source>
        <translation>The portal has not determined the child of this application yet: synchronise.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="46"/>
        <source>Портал отклонил запрос на этого ребёнка: %1. Исправьте данные и создайте ребёнка заново.</source>
        <translation>The portal refused the request for this child: %1. Correct the data and create the child again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="49"/>
        <source>По этой заявке уже отправлено «%1»: дождитесь ответа портала (синхронизируйте данные), затем выберите следующее действие.</source>
        <translation>“%1” has already been sent for this application: wait for the portal&apos;s answer (synchronise), then choose the next action.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="53"/>
        <source>Для причины «Иная причина» напишите её в комментарии</source>
        <translation>For the reason “Other reason”, write it in the comment</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="56"/>
        <source>Комментарий не длиннее %1 символов, сейчас %2</source>
        <translation>The comment may be at most %1 characters, now %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="59"/>
        <source>дата зачисления</source>
        <translation>the enrolment date</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="60"/>
        <source>дата перевода</source>
        <translation>the transfer date</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="61"/>
        <source>%1 %2 приходится на закрытый месяц: поставьте дату не раньше %3</source>
        <translation>%1 %2 falls in a closed month: set a date no earlier than %3</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="64"/>
        <source>%1 %2 вне сроков группы %3–%4</source>
        <translation>%1 %2 is outside the group&apos;s dates %3–%4</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="67"/>
        <source>Укажите %1</source>
        <translation>Enter %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="68"/>
        <source>Последний день обучения должен быть между началом обучения %1 и окончанием группы %2</source>
        <translation>The last day of study must be between the start of study %1 and the end of the group %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="71"/>
        <source>Выберите причину отчисления из списка</source>
        <translation>Choose the reason for expulsion from the list</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="72"/>
        <source>Этот ПК работает с Навигатором: заявку подаёт родитель на сайте Навигатора (или организация в кабинете Навигатора), из PFDO Desktop новые заявки туда не отправляются. Решения по заявкам из Навигатора принимайте здесь, на вкладке «Заявки».</source>
        <translation>This PC works with a Navigator: a parent applies on the Navigator&apos;s website (or the organisation in its Navigator account); new applications are not sent there from PFDO Desktop. Decide the Navigator&apos;s applications here, on the «Applications» tab.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="77"/>
        <source>Заявку подать нельзя: %1. %2</source>
        <translation>The application cannot be submitted: %1. %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="80"/>
        <source>Заявку подать нельзя.</source>
        <translation>The application cannot be submitted.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="81"/>
        <source>Выберите причину отклонения из списка</source>
        <translation>Choose the reason for rejection from the list</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="82"/>
        <source>см. карточку</source>
        <translation>see the card</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="83"/>
        <source>Заявление от %1 раньше самой заявки (подана %2): проверьте дату заявления</source>
        <translation>The request of %1 is earlier than the application itself (made on %2): check the date of the request</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="86"/>
        <source>Дата заявления родителя не может быть позже сегодняшней</source>
        <translation>The date of the parent&apos;s request cannot be later than today</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="89"/>
        <source>Дата перевода должна быть позже начала обучения %1</source>
        <translation>The transfer date must be later than the start of study %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="92"/>
        <source>Выберите другую группу: ребёнок уже в этой</source>
        <translation>Choose another group: the child is already in this one</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="95"/>
        <source>Нельзя %1 заявку в статусе «%2»: это возможно только для статуса %3</source>
        <translation>Cannot %1 an application whose status is “%2”: only possible with the status %3</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="98"/>
        <source>повреждена: %1</source>
        <translation>damaged: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="99"/>
        <source>база %1 исправна: восстановление заменит её копией от %2, и изменения, сделанные после копии, останутся только в отложенном файле. Если это нужно, повторите команду с --force</source>
        <translation>the database %1 is sound: restoring will replace it with the copy of %2, and the changes made after the copy will remain only in the file set aside. If that is what you need, run the command again with --force</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="103"/>
        <source>папка %1 содержит саму папку данных: выберите отдельную папку для резервных копий (лучше на другом диске или флешке)</source>
        <translation>the folder %1 contains the data folder itself: choose a separate folder for backups (better on another disk or a flash drive)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="107"/>
        <source>%1 — это файл, а не папка: выберите папку для резервных копий</source>
        <translation>%1 is a file, not a folder: choose a folder for backups</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="110"/>
        <source>в папку %1 нельзя сохранить резервную копию: %2 Резервные копии по-прежнему сохраняются в прежнюю папку.</source>
        <translation>a backup cannot be saved in the folder %1: %2 Backups are still saved in the previous folder.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="114"/>
        <source>%1 База не изменена.</source>
        <translation>%1 The database was not changed.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="115"/>
        <source>детей %1, групп %2, отметок %3, неотправленных изменений %4, схема %5</source>
        <translation>children %1, groups %2, marks %3, unsent changes %4, schema %5</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="118"/>
        <source>резервной копии %1 нет: укажите файл из списка (pfdo-desktop restore --data-dir &quot;%2&quot;)</source>
        <translation>there is no backup %1: give a file from the list (pfdo-desktop restore --data-dir &quot;%2&quot;)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="121"/>
        <source>в файле %1 нет схемы PFDO Desktop: выберите другую копию</source>
        <translation>the file %1 holds no PFDO Desktop schema: choose another copy</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="124"/>
        <source>ПК в этой копии не подключён к порталу — после восстановления понадобится новый код подключения</source>
        <translation>the PC in this copy is not connected to the portal — after restoring, a new enrolment code will be needed</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="128"/>
        <source>База восстановлена из резервной копии от %1 (%2).</source>
        <translation>The database was restored from the backup of %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="131"/>
        <source>%1 %2 (его выдаёт муниципальный опорный центр); после подключения всё, что есть на портале, загрузится заново.</source>
        <translation>%1 %2 (the municipal support centre issues it); after connecting, everything on the portal will be downloaded again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="135"/>
        <source>%1 Прежний файл сохранён как %2: изменения, сделанные после этой копии и не отправленные на портал, остались только в нём.</source>
        <translation>%1 The previous file was kept as %2: changes made after this copy and not sent to the portal remain only in it.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="139"/>
        <source>%1 Синхронизируйте: всё, что есть на портале, загрузится заново.</source>
        <translation>%1 Synchronise: everything on the portal will be downloaded again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="142"/>
        <source>резервная копия %1 сделана более новой версией программы (схема %2): установите последнюю версию PFDO Desktop</source>
        <translation>the backup %1 was made by a newer version of the program (schema %2): install the latest version of PFDO Desktop</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="146"/>
        <source>резервная копия %1 не подходит (%2): выберите другую из списка</source>
        <translation>the backup %1 cannot be used (%2): choose another one from the list</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="149"/>
        <source>Дата рождения позже %1: проверьте год рождения по документу</source>
        <translation>The date of birth is later than %1: check the year of birth against the document</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="152"/>
        <source>Укажите дату рождения ребёнка (ДД.ММ.ГГГГ) по документу</source>
        <translation>Enter the child&apos;s date of birth (DD.MM.YYYY) from the document</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="155"/>
        <source>На %1 ему уже %2 %5: дополнительное образование детей по сертификату — с %3 лет до достижения %4. Проверьте дату рождения по документу</source>
        <translation>On %1 the child is already %2: additional education on a certificate is from age %3 until turning %4. Check the date of birth against the document</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="159"/>
        <source>На %1 ребёнку %2 %5 — меньше %3 лет. Сертификат и зачисление доступны с %3 лет, то есть с %4. Проверьте дату рождения по документу</source>
        <translation>On %1 the child is %2 — under %3. The certificate and enrolment are available from age %3, that is from %4. Check the date of birth against the document</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="163"/>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="589"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="164"/>
        <source>%1 Сейчас: %2.</source>
        <translation>%1 Now: %2.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="165"/>
        <source>Портал нашёл в реестре несколько похожих детей. Сверьте дату рождения, номер сертификата и последние цифры СНИЛС с документами и выберите нужного ребёнка — или «Новый ребёнок», если это никто из них.</source>
        <translation>The portal found several similar children in the registry. Compare the date of birth, the certificate number and the last digits of the SNILS with the documents and choose the right child — or “New child” if it is none of them.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="170"/>
        <source>Портал создал нового ребёнка и сертификат учёта; карточка обновится после следующей синхронизации.</source>
        <translation>The portal created a new child and a registration certificate; the card will be updated after the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="174"/>
        <source>Ребёнок уже был в реестре: портал использовал его запись; карточка обновится после следующей синхронизации.</source>
        <translation>The child was already in the registry: the portal used their record; the card will be updated after the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="178"/>
        <source>Запрос на нового ребёнка ещё не обработан порталом: он уйдёт при следующей синхронизации, портал найдёт ребёнка в реестре или создаст его с сертификатом учёта.</source>
        <translation>The new-child request has not been processed by the portal yet: it will go with the next sync, and the portal will find the child in the registry or create them with a registration certificate.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="182"/>
        <source>Ребёнок с такими ФИО и датой рождения уже есть в реестре портала; данные о нём придут после заявки с номером сертификата. Если это тот же ребёнок — попросите у родителя номер сертификата (он указан в заявлении) и укажите его в «Новой заявке». Если это другой ребёнок — укажите его СНИЛС ниже и отправьте запрос снова: по СНИЛС портал отличит его от ребёнка в реестре.</source>
        <translation>A child with this name and date of birth is already in the portal&apos;s registry; their data will come after an application with the certificate number. If it is the same child, ask the parent for the certificate number (it is in the application form) and enter it in “New application”. If it is another child, enter their SNILS below and send the request again: the SNILS lets the portal tell them from the child in the registry.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="189"/>
        <source>Ребёнок уже есть в реестре портала: совпали ФИО и дата рождения или СНИЛС; данные о нём придут после заявки с номером сертификата. Если это тот же ребёнок — попросите у родителя номер сертификата (он указан в заявлении) и укажите его в «Новой заявке». Если это другой ребёнок — сверьте СНИЛС с документом: ошибку исправьте ниже и отправьте запрос снова; если СНИЛС верен — обратитесь в уполномоченную организацию, она проверит запись в реестре.</source>
        <translation>The child is already in the portal&apos;s registry: the name and date of birth or the SNILS matched; their data will come after an application with the certificate number. If it is the same child, ask the parent for the certificate number (it is in the application form) and enter it in “New application”. If it is another child, check the SNILS against the document: correct a mistake below and send the request again; if the SNILS is right, contact the authorised organisation, it will check the record in the registry.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="196"/>
        <source>Портал отклонил запрос на нового ребёнка.</source>
        <translation>The portal refused the new-child request.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="197"/>
        <source>Ребёнок ещё не в реестре портала: запрос ПФ можно отправить после ответа на запрос «Новый ребёнок».</source>
        <translation>The child is not in the portal&apos;s registry yet: a PF request can be sent once the «New child» request is answered.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="201"/>
        <source>Запрос ПФ для этого сертификата уже ждёт отправки на портал: ответ придёт при синхронизации.</source>
        <translation>A PF request for this certificate already waits to be sent to the portal: the answer comes at the sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="204"/>
        <source>Сертификат уже имеет статус ПФ.</source>
        <translation>The certificate already has PF status.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="205"/>
        <source>У муниципалитета нет открытого периода на %1: статус ПФ сейчас не выдаётся. Сохраните заявление родителя и отправьте запрос, когда муниципалитет откроет период.</source>
        <translation>The municipality has no open period on %1: PF status is not granted now. Keep the parent&apos;s application and send the request when the municipality opens its period.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="209"/>
        <source>У ребёнка нет сертификата: сначала нужен сертификат учёта (запрос «Новый ребёнок» с заявлением родителя о сертификате).</source>
        <translation>The child has no certificate: an accounting certificate comes first (a «New child» request with the parent&apos;s application for a certificate).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="213"/>
        <source>Квота сертификатов ПФ муниципалитета на период исчерпана: заняты все %1 мест. Сертификат остался сертификатом учёта (бюджетные программы доступны).</source>
        <translation>The municipality&apos;s quota of PF certificates for the period is exhausted: all %1 places are taken. The certificate stays an accounting certificate (budget programmes are open to it).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="217"/>
        <source>Сверьте номер с заявлением родителя или с выпиской из реестра сертификатов и подайте заявку снова с верным номером.</source>
        <translation>Check the number against the parent&apos;s application or the certificate registry extract and submit the application again with the right number.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="221"/>
        <source>Возьмите номер сертификата из заявления родителя (10 цифр), укажите его в заявке и подайте заявку снова.</source>
        <translation>Take the certificate number from the parent&apos;s application (10 digits), enter it in the application and submit it again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="225"/>
        <source>Дождитесь времени, которое назвал портал, сверьте номер с заявлением родителя и подайте заявку снова.</source>
        <translation>Wait until the time the portal gave, check the number against the parent&apos;s application and submit the application again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="229"/>
        <source>номер сертификата — ровно 10 цифр (регион 2 + муниципалитет 2 + 6 цифр)</source>
        <translation>a certificate number is exactly 10 digits (region 2 + municipality 2 + 6 digits)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="232"/>
        <source>Номер сертификата не совпадает с сертификатом ребёнка в реестре — проверьте номер в заявлении родителя</source>
        <translation>The certificate number does not match the child&apos;s certificate in the registry — check the number in the parent&apos;s application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="236"/>
        <source>Программа сертифицированная: для оплаты сертификатом укажите номер сертификата из заявления родителя</source>
        <translation>The programme is certified: to pay with the certificate, enter the certificate number from the parent&apos;s application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="240"/>
        <source>Ребёнок уже есть в реестре: попросите у родителя номер сертификата и укажите его в заявке</source>
        <translation>The child is already in the registry: ask the parent for the certificate number and enter it in the application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="243"/>
        <source>Номер сертификата не совпадает с сертификатом ребёнка в реестре.</source>
        <translation>The certificate number does not match the child&apos;s certificate in the registry.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="246"/>
        <source>Не указан номер сертификата ребёнка.</source>
        <translation>The child&apos;s certificate number is not given.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="249"/>
        <source>Слишком много неверных номеров сертификатов: портал временно не проверяет номера.</source>
        <translation>Too many wrong certificate numbers: the portal is not checking numbers for a while.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="252"/>
        <source>Выбирать ребёнка нужно, только когда портал нашёл несколько похожих: у этого запроса такого ответа нет.</source>
        <translation>A child has to be chosen only when the portal found several similar ones: this request has no such answer.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="256"/>
        <source>Выберите ребёнка из списка найденных порталом или «Новый ребёнок».</source>
        <translation>Choose a child from the list the portal found, or “New child”.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="259"/>
        <source>Выбор по этому запросу уже сделан и ждёт ответа портала (синхронизируйте данные). Пока он не отправлен, его можно отменить кнопкой «Отменить неотправленное» и выбрать заново.</source>
        <translation>A choice for this request has already been made and waits for the portal&apos;s answer (synchronise). Until it is sent, it can be cancelled with “Cancel unsent” and made again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="263"/>
        <source>на месте файла базы — папка</source>
        <translation>there is a folder in place of the database file</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="264"/>
        <source>файл не открывается</source>
        <translation>the file does not open</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="265"/>
        <source>испорчено содержимое файла</source>
        <translation>the file&apos;s contents are corrupted</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="266"/>
        <source>файл повреждён</source>
        <translation>the file is damaged</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="267"/>
        <source>файл пустой, 0 байт</source>
        <translation>the file is empty, 0 bytes</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="268"/>
        <source>проверка целостности нашла ошибки</source>
        <translation>the integrity check found errors</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="269"/>
        <source>в файле нет схемы PFDO Desktop</source>
        <translation>the file holds no PFDO Desktop schema</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="270"/>
        <source>нет схемы PFDO Desktop</source>
        <translation>no PFDO Desktop schema</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="271"/>
        <source>файл не является базой данных</source>
        <translation>the file is not a database</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="272"/>
        <source>файл не является базой данных SQLite</source>
        <translation>the file is not an SQLite database</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="273"/>
        <source>Серия свидетельства о рождении — римские цифры, дефис и две русские буквы, затем 6 цифр номера, например IV-МЮ 123456</source>
        <translation>The series of a birth certificate is Roman numerals, a hyphen and two Russian letters, then the 6-digit number, for example IV-МЮ 123456</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="277"/>
        <source>Выберите документ ребёнка: свидетельство о рождении, паспорт или документ иностранца — или оставьте номер пустым</source>
        <translation>Choose the child&apos;s document: birth certificate, passport or foreign citizen&apos;s document — or leave the number empty</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="281"/>
        <source>Неизвестный вид документа «%1»: выберите его из списка (%2)</source>
        <translation>Unknown document kind “%1”: choose it from the list (%2)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="284"/>
        <source>Укажите серию и номер документа (%1)</source>
        <translation>Enter the series and number of the document (%1)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="287"/>
        <source>Номер документа не длиннее %1 символов, сейчас %2</source>
        <translation>The document number may be at most %1 characters, now %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="290"/>
        <source>Серия и номер паспорта — 10 цифр: 4 цифры серии и 6 цифр номера, например 45 10 123456</source>
        <translation>A passport&apos;s series and number are 10 digits: 4 of the series and 6 of the number, for example 45 10 123456</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="293"/>
        <source>Нет такого месяца: %1</source>
        <translation>No such month: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="294"/>
        <source>Этот ребёнок уже есть на ПК — %1. Откройте его карточку и подайте заявку оттуда: новая запись не нужна.</source>
        <translation>This child is already on the PC — %1. Open their card and submit the application from there: a new record is not needed.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="298"/>
        <source>На ПК уже есть запрос на этого ребёнка — %1; портал ответил, что ребёнок уже есть в реестре. Откройте карточку запроса: если это тот же ребёнок — подайте заявку с номером сертификата из заявления родителя; если другой — укажите его СНИЛС в карточке и отправьте запрос снова.</source>
        <translation>The PC already has a request for this child — %1; the portal answered that the child is already in the registry. Open the request&apos;s card: if it is the same child, submit an application with the certificate number from the parent&apos;s application; if it is another child, enter their SNILS in the card and send the request again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="304"/>
        <source>тот же номер сертификата</source>
        <translation>the same certificate number</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="305"/>
        <source>тот же ребёнок (ФИО и дата рождения)</source>
        <translation>the same child (name and date of birth)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="306"/>
        <source>тот же СНИЛС</source>
        <translation>the same SNILS</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="307"/>
        <source>Этот СНИЛС уже есть на ПК — %1. Сверьте СНИЛС с документом ребёнка.</source>
        <translation>This SNILS is already on the PC — %1. Check the SNILS against the child&apos;s document.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="310"/>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="588"/>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="926"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="311"/>
        <source>%1 (запрос на нового ребёнка с этого ПК): %2</source>
        <translation>%1 (a new-child request from this PC): %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="314"/>
        <source>В адресе электронной почты должен быть ровно один знак «@». Пример: ivanova@mail.ru</source>
        <translation>An e-mail address must have exactly one “@”. Example: ivanova@mail.ru</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="317"/>
        <source>В адресе стоит запятая: замените её точкой. Пример: ivanova@mail.ru</source>
        <translation>The address has a comma: replace it with a dot. Example: ivanova@mail.ru</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="320"/>
        <source>Домен после «@» записан неверно: проверьте точки и буквы. Пример: ivanova@mail.ru</source>
        <translation>The domain after “@” is written wrong: check the dots and letters. Example: ivanova@mail.ru</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="323"/>
        <source>Имя ящика (до «@») пишется латинскими буквами, цифрами и знаками . _ - +. Пример: ivanova@mail.ru</source>
        <translation>The mailbox name (before “@”) is written in Latin letters, digits and the signs . _ - +. Example: ivanova@mail.ru</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="327"/>
        <source>После «@» нужен домен с точкой, например mail.ru. Пример: ivanova@mail.ru</source>
        <translation>After “@” a domain with a dot is needed, for example mail.ru. Example: ivanova@mail.ru</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="330"/>
        <source>Перед «@» должно быть имя ящика. Пример: ivanova@mail.ru</source>
        <translation>There must be a mailbox name before “@”. Example: ivanova@mail.ru</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="333"/>
        <source>Укажите адрес электронной почты. Пример: ivanova@mail.ru</source>
        <translation>Enter the e-mail address. Example: ivanova@mail.ru</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="336"/>
        <source>В адресе электронной почты не должно быть пробелов. Пример: ivanova@mail.ru</source>
        <translation>An e-mail address must have no spaces. Example: ivanova@mail.ru</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="339"/>
        <source>Домен должен заканчиваться зоной из букв, например .ru или .рф. Пример: ivanova@mail.ru</source>
        <translation>The domain must end in a zone of letters, for example .ru or .рф. Example: ivanova@mail.ru</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="342"/>
        <source>Проверьте дату рождения по документу. Если она верна — предложите программу для старшего возраста.</source>
        <translation>Check the date of birth against the document. If it is right, offer a programme for an older age.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="346"/>
        <source>Проверьте дату рождения по документу. Если она верна — выберите группу с более поздней датой начала или программу для младшего возраста.</source>
        <translation>Check the date of birth against the document. If it is right, choose a group with a later start date or a programme for a younger age.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="350"/>
        <source>Попросите родителя перевести сертификат в статус ПФ (через портал или уполномоченную организацию) и подайте заявку снова, либо выберите бюджетную программу.</source>
        <translation>Ask the parent to switch the certificate to the PF status (on the portal or at the authorised organisation) and submit the application again, or choose a budget programme.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="354"/>
        <source>Синхронизируйте данные с порталом; если статус не появится — обратитесь в уполномоченную организацию.</source>
        <translation>Synchronise with the portal; if the status does not appear, contact the authorised organisation.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="358"/>
        <source>Откройте существующую заявку или зачисление ребёнка в этой группе; новую заявку можно подать только после отчисления или отклонения прежней.</source>
        <translation>Open the child&apos;s existing application or enrolment in this group; a new application can be submitted only after the previous one is expelled or rejected.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="362"/>
        <source>Выберите другую группу этого модуля или дождитесь, когда место освободится.</source>
        <translation>Choose another group of this module or wait until a place is free.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="365"/>
        <source>Сначала оформите сертификат: заявление о включении в систему подаёт родитель (или ребёнок с 14 лет) в уполномоченной организации или на портале.</source>
        <translation>Get a certificate first: the parent (or a child from 14) applies to join the system at the authorised organisation or on the portal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="369"/>
        <source>Группа к этой дате уже закончит занятия: выберите более раннюю дату или другую группу.</source>
        <translation>The group will have finished by this date: choose an earlier date or another group.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="372"/>
        <source>Поставьте дату начала не раньше первого дня занятий группы.</source>
        <translation>Set a start date no earlier than the group&apos;s first day of lessons.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="375"/>
        <source>Прошлые месяцы закрыты. Поставьте дату начала не раньше 1-го числа текущего месяца.</source>
        <translation>Past months are closed. Set a start date no earlier than the 1st of the current month.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="378"/>
        <source>На дату начала обучения %1 ребёнку будет %2, а программа — до %3</source>
        <translation>On the start date %1 the child will be %2, and the programme is up to %3</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="381"/>
        <source>На дату начала обучения %1 ребёнку будет %2, а программа — с %3</source>
        <translation>On the start date %1 the child will be %2, and the programme is from %3</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="384"/>
        <source>Программа сертифицированная, а сертификат в статусе «учёт»</source>
        <translation>The programme is certified, and the certificate has the status “registration”</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="387"/>
        <source>Статус сертификата «%1» неизвестен</source>
        <translation>The certificate status “%1” is unknown</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="390"/>
        <source>У ребёнка уже есть действующая заявка или зачисление в эту группу</source>
        <translation>The child already has a live application or enrolment in this group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="393"/>
        <source>В группе занято %1 мест из %2</source>
        <translation>%1 of %2 places in the group are taken</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="396"/>
        <source>Для программы из реестра «%1» нужен сертификат дополнительного образования</source>
        <translation>A programme of the registry “%1” needs a certificate of additional education</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="399"/>
        <source>Дата начала %1 позже окончания занятий группы %2</source>
        <translation>The start date %1 is after the end of the group&apos;s lessons %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="402"/>
        <source>Дата начала %1 раньше начала занятий группы %2</source>
        <translation>The start date %1 is before the start of the group&apos;s lessons %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="405"/>
        <source>Дата начала %1 раньше %2: прошлые месяцы закрыты</source>
        <translation>The start date %1 is earlier than %2: past months are closed</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="408"/>
        <source>Ребёнок старше возраста, на который рассчитана программа.</source>
        <translation>The child is older than the age the programme is for.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="411"/>
        <source>Ребёнок младше возраста, на который рассчитана программа.</source>
        <translation>The child is younger than the age the programme is for.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="414"/>
        <source>Сертификат в статусе «учёт» не даёт права на сертифицированную программу: её оплачивает только сертификат ПФ.</source>
        <translation>A certificate with the status “registration” does not give the right to a certified programme: only a PF certificate pays for it.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="418"/>
        <source>Неизвестный статус сертификата.</source>
        <translation>Unknown certificate status.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="421"/>
        <source>Ребёнок уже зачислен в эту группу или уже подал в неё заявку.</source>
        <translation>The child is already enrolled in this group or has already applied to it.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="424"/>
        <source>В группе нет свободных мест.</source>
        <translation>The group has no free places.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="425"/>
        <source>У ребёнка нет сертификата дополнительного образования.</source>
        <translation>The child has no certificate of additional education.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="428"/>
        <source>Дата начала обучения позже окончания занятий группы.</source>
        <translation>The start date is after the end of the group&apos;s lessons.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="431"/>
        <source>Дата начала обучения раньше начала занятий группы.</source>
        <translation>The start date is before the start of the group&apos;s lessons.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="434"/>
        <source>Дата начала обучения приходится на закрытый период (прошлый месяц).</source>
        <translation>The start date falls in a closed period (a past month).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="437"/>
        <source>Мест в группе должно быть от %1 до %2 (пределы модуля), а указано %3: исправьте число мест или пределы модуля</source>
        <translation>Places in the group must be from %1 to %2 (the module&apos;s limits), and %3 is given: correct the number of places or the module&apos;s limits</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="441"/>
        <source>Укажите дату начала занятий</source>
        <translation>Enter the start date of lessons</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="442"/>
        <source>Дата %1 вне сроков группы %2 – %3</source>
        <translation>The date %1 is outside the group&apos;s dates %2 – %3</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="445"/>
        <source>Укажите дату окончания занятий</source>
        <translation>Enter the end date of lessons</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="446"/>
        <source>Дата окончания раньше даты начала: укажите дату не раньше %1</source>
        <translation>The end date is earlier than the start date: enter a date no earlier than %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="449"/>
        <source>Укажите название группы</source>
        <translation>Enter the group&apos;s name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="450"/>
        <source>Задайте расписание: дни недели и время или даты занятий</source>
        <translation>Set the schedule: weekdays and times, or dates of lessons</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="453"/>
        <source>Время — в виде ЧЧ:ММ, например 15:30</source>
        <translation>Time as HH:MM, for example 15:30</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="454"/>
        <source>Время окончания должно быть позже начала</source>
        <translation>The end time must be later than the start</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="455"/>
        <source>Выберите день недели</source>
        <translation>Choose a weekday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="456"/>
        <source>Выберите, кем представитель приходится ребёнку, из списка (%1)</source>
        <translation>Choose from the list who the representative is to the child (%1)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="459"/>
        <source>%1 Другое хранилище можно указать переменной окружения PYTHON_KEYRING_BACKEND.</source>
        <translation>%1 Another store can be set with the environment variable PYTHON_KEYRING_BACKEND.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="462"/>
        <source>Хранилище паролей не сохраняет записи (проверьте PYTHON_KEYRING_BACKEND), поэтому ключ доступа к порталу негде сохранить. Код подключения не использован. %1</source>
        <translation>The password store does not keep entries (check PYTHON_KEYRING_BACKEND), so there is nowhere to keep the portal access key. The enrolment code was not used. %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="466"/>
        <source>В Linux установите gnome-keyring или KWallet (например, «sudo apt install gnome-keyring»), войдите в графический сеанс рабочего стола, чтобы хранилище было разблокировано, и повторите.</source>
        <translation>On Linux install gnome-keyring or KWallet (for example, “sudo apt install gnome-keyring”), log in to a graphical desktop session so that the store is unlocked, and try again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="471"/>
        <source>В macOS хранилище паролей (связка ключей) есть всегда: разблокируйте связку ключей «Вход» (Программы → Утилиты → Связка ключей) и повторите.</source>
        <translation>On macOS the password store (Keychain) is always there: unlock the “login” keychain (Applications → Utilities → Keychain Access) and try again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="475"/>
        <source>В системе нет хранилища паролей, поэтому ключ доступа к порталу негде сохранить. %1</source>
        <translation>The system has no password store, so there is nowhere to keep the portal access key. %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="478"/>
        <source>Пароль не сохранён: хранилище паролей не сохраняет записи (проверьте PYTHON_KEYRING_BACKEND). ПК не подключён к Навигатору. %1</source>
        <translation>The password was not saved: the password store does not keep entries (check PYTHON_KEYRING_BACKEND). The PC is not connected to the Navigator. %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="482"/>
        <source>Пароль не сохранён: в системе нет хранилища паролей, где его хранить. ПК не подключён к Навигатору. %1</source>
        <translation>The password was not saved: the system has no password store to keep it in. The PC is not connected to the Navigator. %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="486"/>
        <source>Пароль не сохранён: хранилище паролей недоступно. ПК не подключён к Навигатору. %1</source>
        <translation>The password was not saved: the password store is not available. The PC is not connected to the Navigator. %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="489"/>
        <source>В системе нет хранилища паролей, поэтому ключ доступа к порталу негде сохранить. Код подключения не использован. %1</source>
        <translation>The system has no password store, so there is nowhere to keep the portal access key. The enrolment code was not used. %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="493"/>
        <source>Хранилище паролей не сохранило ключ доступа (проверьте PYTHON_KEYRING_BACKEND). %1</source>
        <translation>The password store did not keep the access key (check PYTHON_KEYRING_BACKEND). %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="496"/>
        <source>Хранилище паролей не дало прочитать ключ доступа к порталу. %1</source>
        <translation>The password store did not let the portal access key be read. %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="499"/>
        <source>Хранилище паролей отказалось сохранить ключ доступа к порталу. %1</source>
        <translation>The password store refused to keep the portal access key. %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="502"/>
        <source>Хранилище паролей недоступно, поэтому ключ доступа к порталу негде сохранить. Код подключения не использован. %1</source>
        <translation>The password store is unavailable, so there is nowhere to keep the portal access key. The enrolment code was not used. %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="506"/>
        <source>В Windows хранилище паролей (диспетчер учётных данных) есть всегда: войдите в Windows под своей учётной записью (не под временным профилем) и повторите.</source>
        <translation>On Windows the password store (Credential Manager) is always there: log in to Windows with your own account (not a temporary profile) and try again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="510"/>
        <source>На занятии %1 уже отмечены дети: занятие с отметками нельзя отменить или перенести. Снимите отметки и повторите.</source>
        <translation>Children are already marked at the lesson of %1: a lesson with marks cannot be cancelled or moved. Clear the marks and try again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="514"/>
        <source>Месяц %1 уже закрыт для оплаты: занятия за него не меняются. Если занятие отмечено неверно, обратитесь в уполномоченную организацию.</source>
        <translation>The month %1 is already closed for payment: its lessons no longer change. If a lesson is recorded wrongly, contact the authorised organisation.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="518"/>
        <source>%1 вне дат группы: перенести занятие можно на день с %2 по %3.</source>
        <translation>%1 is outside the group&apos;s dates: a lesson can be moved to a day from %2 to %3.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="521"/>
        <source>Укажите дату, на которую переносится занятие (другую, чем дата занятия).</source>
        <translation>Enter the date the lesson moves to (other than the lesson&apos;s date).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="524"/>
        <source>%1 у группы уже есть занятие: выберите для переноса другой день.</source>
        <translation>The group already has a lesson on %1: choose another day for the move.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="527"/>
        <source>%1 у группы нет занятия по расписанию: отменить или перенести можно только занятие из расписания группы.</source>
        <translation>The group has no scheduled lesson on %1: only a lesson of the group&apos;s schedule can be cancelled or moved.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="531"/>
        <source>%1 вне дат группы: группа работает с %2 по %3.</source>
        <translation>%1 is outside the group&apos;s dates: the group runs from %2 to %3.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="534"/>
        <source>Укажите причину, по которой занятие не проведено (например, «болезнь педагога»).</source>
        <translation>Enter the reason the lesson was not held (for example, “the teacher is ill”).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="537"/>
        <source>Причина длиннее %1 символов: сократите её.</source>
        <translation>The reason is longer than %1 characters: shorten it.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="540"/>
        <source>Неизвестное состояние занятия: %1.</source>
        <translation>Unknown lesson state: %1.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="541"/>
        <source>Занятие %1 не проведено по вине исполнителя: отметки на нём не ставятся. Если занятие было, отметьте его проведённым (меню заголовка столбца) и повторите отметку.</source>
        <translation>The lesson of %1 was not held through the provider&apos;s fault: it takes no marks. If the lesson took place, mark it as held (the column header&apos;s menu) and mark again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="545"/>
        <source>Занятие %1 перенесено на %2: отметки ставятся в столбце %2.</source>
        <translation>The lesson of %1 was moved to %2: marks go in the %2 column.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="548"/>
        <source>Месяц %1 уже закрыт для оплаты: отметки за него не меняются. Если отметка неверна, обратитесь в уполномоченную организацию.</source>
        <translation>The month %1 is already closed for payment: its marks no longer change. If a mark is wrong, contact the authorised organisation.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="552"/>
        <source>%1 у группы нет занятия по расписанию: отметку поставить нельзя. Если занятие было, добавьте эту дату в расписание группы на портале и повторите отметку после синхронизации.</source>
        <translation>The group has no scheduled lesson on %1: a mark cannot be set. If the lesson took place, add this date to the group&apos;s schedule on the portal and mark again after the sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="556"/>
        <source>Ребёнок не числится в группе на %1: отметку поставить нельзя. Проверьте даты зачисления и отчисления в карточке ребёнка.</source>
        <translation>The child is not in the group on %1: a mark cannot be set. Check the enrolment and expulsion dates in the child&apos;s card.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="560"/>
        <source>%1 вне дат группы: группа работает с %2 по %3. Проверьте дату отметки.</source>
        <translation>%1 is outside the group&apos;s dates: the group runs from %2 to %3. Check the date of the mark.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="563"/>
        <source>неизвестный код посещаемости: %1 (ожидается 1, 2, 3 или 4)</source>
        <translation>unknown attendance code: %1 (1, 2, 3 or 4 expected)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="566"/>
        <source>Количество часов должно быть больше нуля</source>
        <translation>The number of hours must be greater than zero</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="567"/>
        <source>Максимум детей (%1) меньше минимума (%2): увеличьте максимум или уменьшите минимум</source>
        <translation>The maximum of children (%1) is below the minimum (%2): raise the maximum or lower the minimum</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="570"/>
        <source>Минимум детей в группе — хотя бы 1</source>
        <translation>The minimum of children in a group is at least 1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="571"/>
        <source>Укажите название модуля</source>
        <translation>Enter the module&apos;s name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="572"/>
        <source>Нормативная стоимость не может быть отрицательной</source>
        <translation>The normative cost cannot be negative</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="575"/>
        <source>Цена не может быть отрицательной</source>
        <translation>The price cannot be negative</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="576"/>
        <source>Цена %1 ₽ выше предела региона %2 ₽ (нормативная стоимость × %3)</source>
        <translation>The price %1 ₽ is above the region&apos;s cap %2 ₽ (normative cost × %3)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="579"/>
        <source>%1 за %2 уже на портале (№ %3, %4): второй за тот же месяц не принимается. Новый можно отправить, только если портал вернёт этот.</source>
        <translation>%1 for %2 is already on the portal (No. %3, %4): a second one for the same month is not accepted. A new one can be sent only if the portal returns this one.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="583"/>
        <source>%1 за %2 уже ждёт отправки на портал: синхронизируйте данные.</source>
        <translation>%1 for %2 already waits to be sent to the portal: synchronise.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="586"/>
        <source>черновик — ждёт отправки на портал</source>
        <translation>draft — waiting to be sent to the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="587"/>
        <source>черновик — портал не принял: %1</source>
        <translation>draft — the portal did not accept it: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="590"/>
        <source>%1 — это файл, а не папка: выберите пустую папку или новую. %2</source>
        <translation>%1 is a file, not a folder: choose an empty folder or a new one. %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="593"/>
        <source>Папка данных %2 находится внутри папки %1: выберите новую пустую папку. %3</source>
        <translation>The data folder %2 is inside the folder %1: choose a new empty folder. %3</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="596"/>
        <source>Копия базы в %1 не прошла проверку целостности; перенос отменён. Проверьте диск или выберите другую папку.</source>
        <translation>The copy of the database in %1 failed the integrity check; the move is cancelled. Check the disk or choose another folder.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="600"/>
        <source>Копия базы не совпала с оригиналом (данные менялись во время переноса); перенос отменён. Закройте другие окна программы и повторите.</source>
        <translation>The copy of the database did not match the original (the data changed during the move); the move is cancelled. Close the program&apos;s other windows and try again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="604"/>
        <source>Копирую базу данных…</source>
        <translation>Copying the database…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="605"/>
        <source>Копирую резервные копии и остальные файлы…</source>
        <translation>Copying the backups and the other files…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="606"/>
        <source>Перенос не выполнен: нет прав на запись в папку %1 (или диск только для чтения). Выберите другую папку. %2</source>
        <translation>The move failed: no right to write to the folder %1 (or the disk is read-only). Choose another folder. %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="610"/>
        <source>Перенос не выполнен: на диске с папкой %1 закончилось место. Освободите место или выберите другой диск. %2</source>
        <translation>The move failed: the disk with the folder %1 ran out of space. Free some space or choose another disk. %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="614"/>
        <source>Перенос не выполнен: на диске с папкой %1 закончилось место. %2</source>
        <translation>The move failed: the disk with the folder %1 ran out of space. %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="617"/>
        <source>Перенос не выполнен: %1 %2</source>
        <translation>The move failed: %1 %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="618"/>
        <source>Перенос не выполнен: ошибка записи в папку %1 (%2). Проверьте диск и попробуйте ещё раз или выберите другую папку. %3</source>
        <translation>The move failed: an error writing to the folder %1 (%2). Check the disk and try again, or choose another folder. %3</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="622"/>
        <source>Файл %1 скопирован не полностью; перенос отменён. Проверьте диск.</source>
        <translation>The file %1 was not copied completely; the move is cancelled. Check the disk.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="625"/>
        <source>папка не удалена</source>
        <translation>the folder was not removed</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="626"/>
        <source>Папка %1 находится внутри папки данных %2: выберите папку вне её (например, на другом диске). %3</source>
        <translation>The folder %1 is inside the data folder %2: choose a folder outside it (for example, on another disk). %3</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="630"/>
        <source>Нет доступа к папке %1: выберите папку, в которую вы можете записывать (например, в «Документах»). %2</source>
        <translation>No access to the folder %1: choose a folder you can write to (for example, in “Documents”). %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="634"/>
        <source>На диске с папкой %1 недостаточно места: нужно %2, свободно %3. Освободите место или выберите другой диск. %4</source>
        <translation>The disk with the folder %1 has not enough space: %2 needed, %3 free. Free some space or choose another disk. %4</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="638"/>
        <source>Нет прав на запись в папку %1: выберите папку, в которую вы можете записывать (например, в «Документах»), или попросите права у администратора. %2</source>
        <translation>No right to write to the folder %1: choose a folder you can write to (for example, in “Documents”), or ask the administrator for the rights. %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="642"/>
        <source>Папка %1 не пуста: выберите пустую папку или укажите новую — программа создаст её сама. %2</source>
        <translation>The folder %1 is not empty: choose an empty folder or give a new one — the program will create it. %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="645"/>
        <source>Данные уже в папке %1: выберите другую папку.</source>
        <translation>The data are already in the folder %1: choose another folder.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="648"/>
        <source>Данные остаются в папке %1.</source>
        <translation>The data stay in the folder %1.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="649"/>
        <source>Данные остаются в папке %1, программа работает с ними как прежде.</source>
        <translation>The data stay in the folder %1, and the program works with them as before.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="652"/>
        <source>«%1»: недопустимый символ «%2» — допускаются только русские буквы, дефис и пробел</source>
        <translation>“%1”: the character “%2” is not allowed — only Russian letters, a hyphen and a space are</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="655"/>
        <source>«%1»: цифры не допускаются, только русские буквы, дефис и пробел</source>
        <translation>“%1”: digits are not allowed, only Russian letters, a hyphen and a space</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="658"/>
        <source>«%1»: дефис ставится только между буквами, без пробелов вокруг (например, «Римский-Корсаков»)</source>
        <translation>“%1”: a hyphen goes only between letters, with no spaces around it (for example, “Римский-Корсаков”)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="662"/>
        <source>«%1»: пишите русскими буквами — латинские буквы не допускаются (проверьте раскладку клавиатуры)</source>
        <translation>“%1”: write in Russian letters — Latin letters are not allowed (check the keyboard layout)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="666"/>
        <source>Заполните поле «%1»</source>
        <translation>Fill in the field “%1”</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="667"/>
        <source>«%1»: не длиннее %2 символов, сейчас %3</source>
        <translation>“%1”: at most %2 characters, now %3</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="670"/>
        <source>Запросов к Навигатору одновременно — от 1 до 5 (обычно 3: сервер общий на весь регион).</source>
        <translation>Requests to the Navigator at once: 1 to 5 (usually 3: the server is shared by the whole region).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="673"/>
        <source>Уважительную причину можно отправлять в Навигатор только как «не был» (2) или «болел» (3).</source>
        <translation>An excused absence can be sent to the Navigator only as «absent» (2) or «sick» (3).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="676"/>
        <source>Дождитесь времени, которое назвал портал, и отправьте запрос снова из карточки ребёнка («Отправить запрос снова»).</source>
        <translation>Wait until the time the portal gave and send the request again from the child&apos;s card (“Send the request again”).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="680"/>
        <source>%1. Если сертификата нет — оставьте поле пустым</source>
        <translation>%1. If there is no certificate, leave the field empty</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="683"/>
        <source>Ребёнку меньше %1 лет: укажите законного представителя (родителя или опекуна), он подписывает заявление</source>
        <translation>The child is under %1: give the legal representative (a parent or guardian), who signs the application</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="687"/>
        <source>Слишком много новых детей, которых портал отличил от тёзок в реестре по СНИЛС: портал временно не различает тёзок по СНИЛС.</source>
        <translation>Too many new children the portal told apart from namesakes in the registry by the SNILS: the portal is not telling namesakes apart by the SNILS for a while.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="691"/>
        <source>Заявка не найдена: обновите список заявок.</source>
        <translation>The application was not found: refresh the list of applications.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="694"/>
        <source>Ребёнок заявки ещё не загружен с портала: синхронизируйте данные.</source>
        <translation>The application&apos;s child has not been downloaded from the portal yet: synchronise.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="697"/>
        <source>Группа заявки не найдена в локальной базе: синхронизируйте данные.</source>
        <translation>The application&apos;s group was not found in the local database: synchronise.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="700"/>
        <source>Ребёнок не найден: возможно, он ещё не загружен с портала. Синхронизируйте данные.</source>
        <translation>The child was not found: perhaps not downloaded from the portal yet. Synchronise.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="703"/>
        <source>Ребёнок не найден: обновите список детей.</source>
        <translation>The child was not found: refresh the list of children.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="706"/>
        <source>Черновик не найден: возможно, программа уже опубликована</source>
        <translation>The draft was not found: perhaps the programme is already published</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="709"/>
        <source>Группа не найдена: возможно, она удалена на портале. Синхронизируйте данные.</source>
        <translation>The group was not found: perhaps it was deleted on the portal. Synchronise.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="712"/>
        <source>Группа не найдена в этом модуле</source>
        <translation>The group was not found in this module</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="713"/>
        <source>Программа не найдена</source>
        <translation>The programme was not found</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="714"/>
        <source>Нет такой программы: %1</source>
        <translation>No such programme: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="715"/>
        <source>Организация не найдена в локальной базе: подключите ПК к порталу и синхронизируйте данные.</source>
        <translation>The organisation was not found in the local database: connect the PC to the portal and synchronise.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="718"/>
        <source>Запись не найдена: обновите список.</source>
        <translation>The record was not found: refresh the list.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="719"/>
        <source>Запрос на нового ребёнка не найден: обновите список детей.</source>
        <translation>The new-child request was not found: refresh the list of children.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="722"/>
        <source>Дата приказа %1 ещё не наступила: проверьте год и месяц</source>
        <translation>The order date %1 has not come yet: check the year and month</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="725"/>
        <source>Приказ от %1 старше года: проверьте год. Старые приказы вносит уполномоченная организация на портале</source>
        <translation>The order of %1 is more than a year old: check the year. Old orders are entered on the portal by the authorised organisation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="729"/>
        <source>Укажите дату приказа</source>
        <translation>Enter the order date</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="730"/>
        <source>Укажите номер приказа (как в книге приказов), например 15-у</source>
        <translation>Enter the order number (as in the book of orders), for example 15-у</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="733"/>
        <source>Номер приказа не длиннее %1 символов, сейчас %2</source>
        <translation>The order number may be at most %1 characters, now %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="736"/>
        <source>За %1 уже выставлен счёт: аванс после счёта не подаётся (счёт выставлен без него).</source>
        <translation>The invoice for %1 has already been issued: an advance is not requested after the invoice (the invoice was issued without it).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="739"/>
        <source>Заявку на аванс за %1 можно подать с %2 (второй рабочий день месяца).</source>
        <translation>The advance request for %1 can be submitted from %2 (the second working day of the month).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="742"/>
        <source>Заявку на аванс за %1 можно было подать до %2: месяц прошёл, за него выставляется счёт.</source>
        <translation>The advance request for %1 could be submitted until %2: the month is over, an invoice is issued for it.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="745"/>
        <source>Отправьте документ с даты, которую назвал портал. Если дата на компьютере неверна — исправьте её и синхронизируйте.</source>
        <translation>Send the document from the date the portal gave. If the computer&apos;s date is wrong, correct it and synchronise.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="749"/>
        <source>Аванс просят в течение месяца, пока за него не выставлен счёт; за прошедший месяц выставьте счёт — он будет без аванса.</source>
        <translation>An advance is requested during the month, until its invoice is issued; for a past month issue the invoice — it will be without an advance.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="753"/>
        <source>Счёт за %1 можно выставить с %2: месяц ещё не закончился.</source>
        <translation>The invoice for %1 can be issued from %2: the month is not over yet.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="756"/>
        <source>В месяце %1 нет договоров, оплачиваемых по сертификатам: счёт и заявку на аванс формировать не по чему. Синхронизируйте данные, если договоры заключены на портале.</source>
        <translation>The month %1 has no contracts paid by certificates: there is nothing to make an invoice or an advance request from. Synchronise if contracts were made on the portal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="759"/>
        <source>нет</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="760"/>
        <source>В месяце %1 нет договоров плательщика «%2». Плательщики месяца: %3.</source>
        <translation>The month %1 has no contracts of the payer “%2”. The month&apos;s payers: %3.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="763"/>
        <source>В месяце %1 несколько плательщиков: %2. Укажите одного.</source>
        <translation>The month %1 has several payers: %2. Give one.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="766"/>
        <source>Срок подачи этого документа за месяц ещё не наступил.</source>
        <translation>The time to submit this document for the month has not come yet.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="769"/>
        <source>Заявку на аванс за этот месяц подать уже нельзя.</source>
        <translation>An advance request for this month can no longer be submitted.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="772"/>
        <source>отправлено на портал: %1 — ждёт ответа</source>
        <translation>sent to the portal: %1 — waiting for the answer</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="773"/>
        <source>ожидает отправки: %1</source>
        <translation>waiting to be sent: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="774"/>
        <source>Телефон содержит лишние символы: допускаются цифры, «+» в начале, пробелы, дефисы и скобки. Пример: +7 912 345-67-89</source>
        <translation>The phone number has extra characters: digits, a “+” at the start, spaces, hyphens and brackets are allowed. Example: +7 912 345-67-89</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="778"/>
        <source>Добавьте код страны: +7 или 8 в начале номера. Пример: +7 4912 34-56-78</source>
        <translation>Add the country code: +7 or 8 at the start of the number. Example: +7 4912 34-56-78</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="781"/>
        <source>В номере %1 цифр, а нужно 11 (+7 и 10 цифр, или 8 и 10 цифр). Пример: +7 912 345-67-89</source>
        <translation>The number has %1 digits, and 11 are needed (+7 and 10 digits, or 8 and 10 digits). Example: +7 912 345-67-89</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="784"/>
        <source>Нужен российский номер, начинающийся с +7. Пример: +7 912 345-67-89</source>
        <translation>A Russian number starting with +7 is needed. Example: +7 912 345-67-89</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="787"/>
        <source>Укажите телефон в формате +7 XXX XXX-XX-XX</source>
        <translation>Enter the phone number as +7 XXX XXX-XX-XX</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="788"/>
        <source>Возраст — от %1 до %2 лет, а указано %3</source>
        <translation>The age is from %1 to %2 years, and %3 is given</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="791"/>
        <source>Возраст «до» (%1) меньше возраста «от» (%2): поменяйте местами</source>
        <translation>The age “to” (%1) is below the age “from” (%2): swap them</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="794"/>
        <source>Программа в архиве: её карточку изменить нельзя</source>
        <translation>The programme is archived: its card cannot be changed</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="797"/>
        <source>Карточка изменилась на портале, пока вы её правили. Сверьте черновик с версией портала и выберите, что оставить, — затем отправляйте</source>
        <translation>The card changed on the portal while you were editing it. Compare the draft with the portal&apos;s version and choose what to keep — then submit</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="801"/>
        <source>Выберите направленность</source>
        <translation>Choose the direction</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="802"/>
        <source>Продолжительность должна быть больше нуля</source>
        <translation>The duration must be greater than zero</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="803"/>
        <source>Исправьте карточку: %1</source>
        <translation>Correct the card: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="804"/>
        <source>Исправьте карточку: %1 (и ещё %2)</source>
        <translation>Correct the card: %1 (and %2 more)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="807"/>
        <source>Выберите форму обучения из списка</source>
        <translation>Choose the form of study from the list</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="808"/>
        <source>Группы добавляются к модулю опубликованной программы: отправьте карточку на модерацию, а после публикации добавьте группы</source>
        <translation>Groups are added to a module of a published programme: submit the card for moderation and add groups after publication</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="812"/>
        <source>Выберите вид программы из списка</source>
        <translation>Choose the kind of programme from the list</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="813"/>
        <source>Выберите уровень из списка</source>
        <translation>Choose the level from the list</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="814"/>
        <source>Добавьте хотя бы один модуль</source>
        <translation>Add at least one module</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="815"/>
        <source>Укажите полное название программы</source>
        <translation>Enter the programme&apos;s full name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="816"/>
        <source>Расхождения с порталом нет: черновик можно править и отправлять</source>
        <translation>There is no conflict with the portal: the draft can be edited and submitted</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="819"/>
        <source>Неизвестная категория ОВЗ: %1</source>
        <translation>Unknown disability category: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="820"/>
        <source>ожидает отправки</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="821"/>
        <source>ожидает отправки: отправка на модерацию</source>
        <translation>waiting to be sent: submission for moderation</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="822"/>
        <source>Выберите реестр</source>
        <translation>Choose the registry</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="823"/>
        <source>Сначала сохраните черновик карточки</source>
        <translation>Save the card&apos;s draft first</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="824"/>
        <source>Карточка на модерации: изменить её можно после решения модератора</source>
        <translation>The card is under moderation: it can be changed after the moderator&apos;s decision</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="827"/>
        <source>Сначала отмените неотправленную заявку этого ребёнка (с %1): она подана по прежнему запросу.</source>
        <translation>First cancel this child&apos;s unsent application (from %1): it was made with the previous request.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="830"/>
        <source>Отправить запрос снова можно, только когда портал ответил «ребёнок уже есть в реестре» или отклонил запрос.</source>
        <translation>The request can be sent again only when the portal answered “the child is already in the registry” or refused the request.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="834"/>
        <source>Портал уже получил этот СНИЛС — ответ будет тем же. Если СНИЛС верен, а ребёнок другой, обратитесь в уполномоченную организацию: она проверит запись в реестре</source>
        <translation>The portal has already received this SNILS — the answer will be the same. If the SNILS is right and the child is another one, contact the authorised organisation: it will check the record in the registry</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="838"/>
        <source>Укажите СНИЛС ребёнка по документу (11 цифр, например 123-456-789 01): по нему портал отличит его от ребёнка в реестре</source>
        <translation>Enter the child&apos;s SNILS from the document (11 digits, for example 123-456-789 01): by it the portal will tell them from the child in the registry</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="842"/>
        <source>Этот запрос ещё ждёт отправки на портал: синхронизируйте данные и дождитесь ответа.</source>
        <translation>This request still waits to be sent to the portal: synchronise and wait for the answer.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="845"/>
        <source>Файл «%1» не текстовый (в нём двоичные данные). %2</source>
        <translation>The file “%1” is not text (it holds binary data). %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="848"/>
        <source>укажите дату рождения</source>
        <translation>enter the date of birth</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="849"/>
        <source>дата не распознана: напишите её как ДД.ММ.ГГГГ, например 05.03.2016</source>
        <translation>the date is not recognised: write it as DD.MM.YYYY, for example 05.03.2016</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="852"/>
        <source>Не удалось открыть файл «%1»: %2.</source>
        <translation>The file “%1” could not be opened: %2.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="855"/>
        <source>в номере сертификата 9 цифр вместо 10: возможно, Excel убрал ведущий ноль — допишите его</source>
        <translation>the certificate number has 9 digits instead of 10: perhaps Excel dropped a leading zero — add it</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="858"/>
        <source>Столбец №%1 для поля «%2» в файле отсутствует</source>
        <translation>Column No. %1 for the field “%2” is not in the file</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="861"/>
        <source>Файл «%1» повреждён около строки %2: %3. Проверьте кавычки в этой строке или сохраните файл из Excel заново.</source>
        <translation>The file “%1” is damaged near line %2: %3. Check the quotes in this line or save the file from Excel again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="865"/>
        <source>этот ребёнок (ФИО и дата рождения) уже есть в строке %1: оставьте одну строку</source>
        <translation>this child (name and date of birth) is already in line %1: keep one line</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="868"/>
        <source>этот ребёнок (ФИО и дата рождения) уже есть: оставьте одну строку</source>
        <translation>this child (name and date of birth) is already in the file: keep one line</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="870"/>
        <source>этот ребёнок уже есть выше в файле</source>
        <translation>this child is already earlier in the file</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="871"/>
        <source>Файл «%1» пуст. Выберите файл со списком детей.</source>
        <translation>The file “%1” is empty. Choose a file with the list of children.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="874"/>
        <source>Не удалось прочитать текст файла «%1»: кодировка не UTF-8 и не Windows-1251. Сохраните его как «CSV UTF-8 (разделитель — запятая)» или как .xlsx.</source>
        <translation>The text of the file “%1” could not be read: the encoding is neither UTF-8 nor Windows-1251. Save it as “CSV UTF-8 (comma delimited)” or as .xlsx.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="878"/>
        <source>заполните поле «%1»</source>
        <translation>fill in the field “%1”</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="879"/>
        <source>укажите имя</source>
        <translation>enter the first name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="880"/>
        <source>нужны фамилия и имя через пробел (отчество — если есть)</source>
        <translation>the surname and first name are needed, separated by a space (the patronymic if there is one)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="883"/>
        <source>укажите фамилию, имя и отчество</source>
        <translation>enter the surname, first name and patronymic</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="884"/>
        <source>В файле «%1» есть только строка заголовков, а детей нет. Проверьте, тот ли это файл и тот ли лист стоит первым.</source>
        <translation>The file “%1” has only a header row and no children. Check that it is the right file and that the right sheet is first.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="888"/>
        <source>такой номер сертификата уже есть в базе у ребёнка %1: проверьте, чей он</source>
        <translation>this certificate number is already in the database, for the child %1: check whose it is</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="891"/>
        <source>ребёнок уже есть в базе: %1 — строка пропущена</source>
        <translation>the child is already in the database: %1 — the line is skipped</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="894"/>
        <source>такой СНИЛС уже есть в базе у ребёнка %1: проверьте, чей он</source>
        <translation>this SNILS is already in the database, for the child %1: check whose it is</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="897"/>
        <source>укажите фамилию</source>
        <translation>enter the surname</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="898"/>
        <source>Формат %1 не поддерживается. %2</source>
        <translation>The format %1 is not supported. %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="901"/>
        <source>нет ФИО или даты рождения — строка пропущена</source>
        <translation>no name or date of birth — the line is skipped</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="904"/>
        <source>В файле «%1» нет ни одной заполненной строки. Выберите файл со списком детей.</source>
        <translation>The file “%1” has no filled-in rows. Choose a file with the list of children.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="907"/>
        <source>В книге «%1» нет листов с таблицей. %2</source>
        <translation>The workbook “%1” has no sheets with a table. %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="910"/>
        <source>Файл «%1» не похож на таблицу: нужен файл .xlsx или .csv. %2</source>
        <translation>The file “%1” does not look like a table: an .xlsx or .csv file is needed. %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="913"/>
        <source>Файл «%1» не является книгой Excel (.xlsx) или повреждён. %2</source>
        <translation>The file “%1” is not an Excel workbook (.xlsx) or is damaged. %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="916"/>
        <source>ФИО представителя — русские буквы, дефис, пробел и точки инициалов</source>
        <translation>the representative&apos;s name is Russian letters, a hyphen, a space and the dots of initials</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="919"/>
        <source>есть латинские буквы: пишите ФИО представителя русскими буквами</source>
        <translation>there are Latin letters: write the representative&apos;s name in Russian letters</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="922"/>
        <source>Файл «%1» защищён паролем или сохранён в старом формате Excel 97–2003 (.xls). Снимите пароль (Файл → Сведения → Защита книги). %2</source>
        <translation>The file “%1” is password-protected or saved in the old Excel 97–2003 format (.xls). Remove the password (File → Info → Protect Workbook). %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="927"/>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="928"/>
        <source>такой же номер сертификата</source>
        <translation>the same certificate number</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="929"/>
        <source>такой же СНИЛС</source>
        <translation>the same SNILS</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="930"/>
        <source>%1 уже указан в строке %2 у другого ребёнка: проверьте, чей он</source>
        <translation>%1 is already given in line %2 for another child: check whose it is</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="933"/>
        <source>%1 уже указан у другого ребёнка: проверьте, чей он</source>
        <translation>%1 is already given for another child: check whose it is</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="935"/>
        <source>Откройте его в Excel и сохраните как «Книга Excel (.xlsx)» или «CSV (разделители — точка с запятой)».</source>
        <translation>Open it in Excel and save it as “Excel Workbook (.xlsx)” or “CSV (semicolon delimited)”.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="939"/>
        <source>Файл «%1» слишком большой (%2 МБ, можно до %3 МБ). Разделите список на несколько файлов или удалите лишние листы и столбцы.</source>
        <translation>The file “%1” is too big (%2 MB, up to %3 MB allowed). Split the list into several files or delete extra sheets and columns.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="943"/>
        <source>В файле «%1» больше %2 заполненных столбцов: это не похоже на список детей. Оставьте на первом листе только таблицу со списком.</source>
        <translation>The file “%1” has more than %2 filled-in columns: it does not look like a list of children. Leave only the table with the list on the first sheet.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="947"/>
        <source>В файле «%1» больше %2 строк. Разделите список на части до %2 строк и загрузите их по очереди.</source>
        <translation>The file “%1” has more than %2 rows. Split the list into parts of up to %2 rows and load them one by one.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="951"/>
        <source>Книга «%1» после распаковки занимает больше %2 МБ: в ней, кроме списка, что-то очень большое (картинки, тысячи пустых строк). Скопируйте список на новый лист новой книги и сохраните её.</source>
        <translation>The workbook “%1” takes more than %2 MB unpacked: besides the list it holds something very big (pictures, thousands of empty rows). Copy the list to a new sheet of a new workbook and save it.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="956"/>
        <source>%1 (уже отправлен запрос с этого ПК)</source>
        <translation>%1 (a request was already sent from this PC)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="957"/>
        <source>Файл «%1» — это книга Excel, а не текст CSV. Выберите исходный файл .xlsx или сохраните книгу как CSV.</source>
        <translation>The file “%1” is an Excel workbook, not CSV text. Choose the original .xlsx file or save the workbook as CSV.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="961"/>
        <source>%1 МБ</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="962"/>
        <source>контрольное число СНИЛС не сходится: проверьте цифры по документу</source>
        <translation>the SNILS check number does not match: check the digits against the document</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="965"/>
        <source>СНИЛС должен содержать 11 цифр, а здесь %1</source>
        <translation>A SNILS must have 11 digits, and this one has %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="966"/>
        <source>проверьте путь в --data-dir</source>
        <translation>check the path in --data-dir</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="967"/>
        <source>База данных %1 повреждена (%2); программа её не изменяет. Восстановите базу из резервной копии: в программе — «Восстановить из резервной копии…», в командной строке — %3 (покажет копии и что в них). Повреждённый файл будет сохранён рядом.</source>
        <translation>The database %1 is damaged (%2); the program does not change it. Restore the database from a backup: in the program — “Restore from a backup…”, on the command line — %3 (it shows the copies and what they hold). The damaged file will be kept beside it.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="972"/>
        <source>Диск заполнен: не удалось записать %1. Освободите место на диске (удалите ненужные файлы, очистите корзину) и повторите. Последнее действие не сохранено, всё сохранённое раньше цело.</source>
        <translation>The disk is full: %1 could not be written. Free some space on the disk (delete unneeded files, empty the recycle bin) and try again. The last action was not saved; everything saved before is intact.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="976"/>
        <source>Ошибка чтения или записи диска при работе с %1. Проверьте, что диск исправен и подключён (съёмный или сетевой диск) и на нём есть место, и повторите. Если ошибка повторяется, восстановите базу из резервной копии: %2.</source>
        <translation>A disk read or write error while working with %1. Check that the disk is sound and connected (a removable or network disk) and has free space, and try again. If the error repeats, restore the database from a backup: %2.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="981"/>
        <source>укажите --data-dir</source>
        <translation>give --data-dir</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="982"/>
        <source>Нет прав на запись в файл %1: программа не может сохранять данные. Проверьте права на файл и папку %2 (они должны принадлежать пользователю, под которым запущена программа, и быть доступны для записи).</source>
        <translation>No right to write to the file %1: the program cannot save data. Check the rights to the file and the folder %2 (they must belong to the user the program runs as and be writable).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="986"/>
        <source>Нет прав на запись в папку %1: программа не может хранить в ней данные. Проверьте права на папку (она должна принадлежать пользователю, под которым запущена программа, и быть доступна для записи) или укажите другую папку данных (--data-dir).</source>
        <translation>No right to write to the folder %1: the program cannot keep data in it. Check the rights to the folder (it must belong to the user the program runs as and be writable) or give another data folder (--data-dir).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="991"/>
        <source>в папке %1 нет базы PFDO Desktop: %2</source>
        <translation>the folder %1 has no PFDO Desktop database: %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="994"/>
        <source>%1 — не папка (там файл), поэтому хранить в нём данные нельзя. Укажите папку данных (--data-dir) или уберите этот файл.</source>
        <translation>%1 is not a folder (there is a file), so no data can be kept in it. Give a data folder (--data-dir) or remove this file.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="998"/>
        <source>База данных %1 создана более новой версией программы (схема %2). Установите последнюю версию PFDO Desktop; эта версия её не откроет, чтобы не испортить данные.</source>
        <translation>The database %1 was made by a newer version of the program (schema %2). Install the latest version of PFDO Desktop; this version will not open it so as not to damage the data.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1002"/>
        <source>%1 у группы нет занятия: тему можно задать только занятию из расписания группы. Выберите столбец занятия в журнале.</source>
        <translation>The group has no lesson on %1: a theme can only be given to a lesson of the group&apos;s schedule. Choose a lesson&apos;s column in the journal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1006"/>
        <source>%1 вне дат группы: группа работает с %2 по %3. Тему можно задать только занятию группы.</source>
        <translation>%1 is outside the group&apos;s dates: the group runs from %2 to %3. A theme can only be given to a lesson of the group.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1009"/>
        <source>Тема длиннее %1 символов: сократите её.</source>
        <translation>The theme is longer than %1 characters: shorten it.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1010"/>
        <source>«%1» уже отправлено на портал — дождитесь ответа (синхронизируйте данные). Отменить можно только то, что ещё не отправлено.</source>
        <translation>“%1” has already been sent to the portal — wait for the answer (synchronise). Only what has not been sent yet can be cancelled.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1014"/>
        <source>Сначала отмените заявку этого ребёнка (с %1, раздел «Заявки»): она тоже ещё не отправлена и без этого запроса на ребёнка не может быть подана.</source>
        <translation>First cancel this child&apos;s application (from %1, the “Applications” tab): it has not been sent either and cannot be submitted without this child&apos;s request.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1018"/>
        <source>Отменять нечего: у этой записи нет изменений, ожидающих отправки на портал.</source>
        <translation>Nothing to cancel: this record has no changes waiting to be sent to the portal.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1021"/>
        <source>У ребёнка из реестра нет неотправленного запроса: отменять нечего.</source>
        <translation>A child of the registry has no unsent request: nothing to cancel.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1025"/>
        <source>Идёт синхронизация: дождитесь её окончания и отключите ПК снова.</source>
        <translation>A sync is running: wait until it ends and disconnect the PC again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1027"/>
        <source>ПК не подключён к порталу: отключать нечего.</source>
        <translation>The PC is not connected to a portal: there is nothing to disconnect.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1029"/>
        <source>На портал ещё не отправлено изменений: %1. Сначала синхронизируйте, чтобы они дошли до портала, затем отключайте ПК. Если отключить всё равно, изменения останутся на этом ПК и уйдут, когда его снова подключат к тому же порталу и той же организации.</source>
        <translation>Changes not sent to the portal yet: %1. Synchronise first so that they reach the portal, then disconnect the PC. If you disconnect anyway, the changes stay on this PC and go out when it is connected again to the same portal and the same organisation.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1034"/>
        <source>Папку данных %1 сейчас переносит или восстанавливает из резервной копии другое окно PFDO Desktop или команда pfdo-desktop: дождитесь окончания и повторите.</source>
        <translation>The data folder %1 is being moved or restored from a backup by another PFDO Desktop window or a pfdo-desktop command: wait until it ends and try again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1038"/>
        <source>Папку данных %1 сейчас использует другая программа или окно PFDO Desktop (второе окно программы, команда pfdo-desktop или синхронизация по расписанию): закройте их и повторите.</source>
        <translation>The data folder %1 is in use by another program or PFDO Desktop window (a second window of the program, a pfdo-desktop command or the scheduled sync): close them and try again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1042"/>
        <source>Пока программа ждала, папку данных %1 перенесли в другое место (другое окно программы или команда pfdo-desktop move-data): запустите программу снова — она откроет новую папку.</source>
        <translation>While the program was waiting, the data folder %1 was moved elsewhere (another window of the program or the pfdo-desktop move-data command): start the program again — it will open the new folder.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1046"/>
        <source>Программа уже открыта с этой папкой данных (%1): перейдите в её окно. Чтобы одновременно работать с другой организацией, запустите программу с другой папкой данных (--data-dir).</source>
        <translation>The program is already open with this data folder (%1): switch to its window. To work with another organisation at the same time, start the program with another data folder (--data-dir).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1050"/>
        <source>Идёт синхронизация (в этом окне или по расписанию): дождитесь её окончания и повторите перенос. %1</source>
        <translation>A sync is running (in this window or on schedule): wait until it ends and repeat the move. %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1054"/>
        <source>Удаляю остатки прерванного переноса…</source>
        <translation>Removing what an interrupted move left behind…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1055"/>
        <source>Копия в папке %1 не открылась (%2); перенос отменён. %3</source>
        <translation>The copy in the folder %1 did not open (%2); the move is cancelled. %3</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1057"/>
        <source>Учебные (демонстрационные) данные не переносятся: перенесите папку данных, открыв программу без --demo.</source>
        <translation>Training (demo) data are not moved: move the data folder with the program opened without --demo.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1061"/>
        <source>В папке %1 остатки прерванного переноса данных (файл %2) и другие файлы. Остатки (базу, резервные копии) можно удалить: данные — в прежней папке. Удалите их или выберите другую папку. %3</source>
        <translation>The folder %1 holds what an interrupted move of the data left behind (the file %2) and other files. The leftovers (a database, backups) can be deleted: the data are in the previous folder. Delete them or choose another folder. %3</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1065"/>
        <source>Не удалось сохранить новую папку в настройках (%1); перенос отменён. %2</source>
        <translation>The new folder could not be saved in the settings (%1); the move is cancelled. %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1067"/>
        <source>Адрес портала должен начинаться с http:// или https://</source>
        <translation>The portal address must start with http:// or https://</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1068"/>
        <source>Компьютер ещё не подключён к порталу: укажите адрес портала.</source>
        <translation>The computer is not connected to a portal yet: enter the portal address.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1070"/>
        <source>Ключ доступа к порталу не найден в хранилище паролей. Подключите ПК заново новым кодом.</source>
        <translation>The portal access key was not found in the password store. Connect the PC again with a new code.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1073"/>
        <source>ПК ещё не подключён к порталу: введите адрес портала и код подключения.</source>
        <translation>The PC is not connected to a portal yet: enter the portal address and the enrolment code.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1075"/>
        <source>Папка данных %1 (выбрана в настройках) не найдена или в ней нет базы. Если она на отдельном диске или флешке, подключите его и запустите программу снова. Чтобы работать с другой папкой, запустите программу с ней: pfdo-desktop --data-dir ПАПКА.</source>
        <translation>The data folder %1 (chosen in the settings) was not found or holds no database. If it is on a separate disk or a USB stick, connect it and start the program again. To work with another folder, start the program with it: pfdo-desktop --data-dir FOLDER.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/refusals.py" line="1080"/>
        <source>Новой версии программы нет: синхронизируйте, чтобы узнать о ней.</source>
        <translation>There is no new version of the program: synchronise to learn about one.</translation>
    </message>
</context>
<context>
    <name>Registry</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="110"/>
        <source>сертифицированные</source>
        <translation>certified</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="111"/>
        <source>предпрофессиональные</source>
        <translation>pre-professional</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="112"/>
        <source>значимые</source>
        <translation>socially significant</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="113"/>
        <source>общеразвивающие (иные)</source>
        <translation>general developmental (other)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="114"/>
        <source>платные</source>
        <translation>paid</translation>
    </message>
</context>
<context>
    <name>RejectReason</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="84"/>
        <source>Нет свободных мест в группе</source>
        <translation>No free places in the group</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="85"/>
        <source>Не представлены необходимые документы</source>
        <translation>Required documents not provided</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="86"/>
        <source>Нет медицинского допуска</source>
        <translation>No medical clearance</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="87"/>
        <source>Родитель (законный представитель) отказался от обучения</source>
        <translation>The parent (legal guardian) declined the programme</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="88"/>
        <source>Расписание группы не подходит</source>
        <translation>The group&apos;s schedule does not suit</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="89"/>
        <source>Иная причина (указана в комментарии)</source>
        <translation>Other reason (given in the comment)</translation>
    </message>
</context>
<context>
    <name>Relation</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="97"/>
        <source>мать</source>
        <translation>mother</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="98"/>
        <source>отец</source>
        <translation>father</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="99"/>
        <source>опекун (попечитель)</source>
        <translation>guardian (custodian)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="100"/>
        <source>иной законный представитель</source>
        <translation>other legal representative</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="463"/>
        <source>Готово</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="478"/>
        <source>Импортировано: %1 — запросы на новых детей уйдут на портал при синхронизации; портал найдёт каждого в реестре или создаст с сертификатом учёта. Пропущено строк: %2.</source>
        <translation>Imported: %1 — the new-child requests go to the portal with the next sync; the portal finds each child in the registry or creates it with an accounting certificate. Rows skipped: %2.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="486"/>
        <source>Почему пропущены строки:</source>
        <translation>Why rows were skipped:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="491"/>
        <source>Пропущенные строки:</source>
        <translation>Skipped rows:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="493"/>
        <source>  строка %1: %2</source>
        <translation>  row %1: %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="494"/>
        <source>Все строки импортированы.</source>
        <translation>All rows were imported.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="155"/>
        <source>Восстановление из резервной копии</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="159"/>
        <source>Выберите резервную копию базы. Текущий файл базы не удаляется: он будет сохранён рядом (pfdo.sqlite3.damaged-…), и изменения, сделанные после копии и не отправленные на портал, останутся только в нём.</source>
        <translation>Choose a backup of the database. The current database file is not deleted: it is kept beside it (pfdo.sqlite3.damaged-…), and changes made after the backup and not sent to the portal remain only in it.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="162"/>
        <source>База в порядке: восстанавливать её нужно, только если в ней что-то испорчено. Выбранная копия заменит текущую базу; текущая сохранится рядом (pfdo.sqlite3.replaced-…). Отметки и изменения, сделанные после копии и ещё не отправленные на портал, останутся только в ней — сначала синхронизируйте.</source>
        <translation>The database is fine: restore it only if something in it is spoiled. The chosen copy will replace the current database; the current one is kept beside it (pfdo.sqlite3.replaced-…). Marks and changes made after the copy and not yet sent to the portal will remain only in it — synchronise first.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="180"/>
        <source>Ищу резервные копии…</source>
        <translation>Looking for backups…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="182"/>
        <source>Восстановить</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="211"/>
        <source>ПК в этой копии не подключён к порталу — после восстановления понадобится новый код подключения (его выдаёт муниципальный опорный центр).</source>
        <translation>The PC in this copy is not connected to the portal — after restoring it you will need a new enrolment code (issued by the municipal support centre).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="215"/>
        <source>После восстановления синхронизируйте: всё, что есть на портале, загрузится заново.</source>
        <translation>After restoring, synchronise: everything on the portal will be downloaded again.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="223"/>
        <source>Резервных копий нет (папка %1). Переименуйте повреждённый файл pfdo.sqlite3 и запустите программу: она создаст новую базу; подключите ПК заново и синхронизируйте. Неотправленные изменения останутся только в старом файле.</source>
        <translation>There are no backups (folder %1). Rename the damaged file pfdo.sqlite3 and start the program: it creates a new database; enrol the PC again and synchronise. Unsent changes stay only in the old file.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="229"/>
        <source>Все резервные копии повреждены: восстановить базу из них нельзя.</source>
        <translation>All backups are damaged: the database cannot be restored from them.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="231"/>
        <source>Самая свежая исправная копия выбрана.</source>
        <translation>The newest sound backup is selected.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="248"/>
        <source>Восстанавливаю…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/restore_dialog.py" line="261"/>
        <source>Не удалось из-за внутренней ошибки.</source>
        <translation>Failed because of an internal error.</translation>
    </message>
</context>
<context>
    <name>RosterImportWizard</name>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="511"/>
        <source>Импорт списка детей</source>
        <translation>Import a list of children</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="515"/>
        <source>Далее &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="516"/>
        <source>&lt; Назад</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="517"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/wizard.py" line="518"/>
        <source>Готово</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>RosterPreviewModel</name>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="29"/>
        <source>Строка</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="31"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="32"/>
        <source>Дата рождения</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="33"/>
        <source>СНИЛС</source>
        <translation>SNILS</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="34"/>
        <source>Сертификат</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="35"/>
        <source>Законный представитель</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="36"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="37"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="30"/>
        <source>Проверка</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="108"/>
        <source>Строка будет импортирована</source>
        <translation>The row will be imported</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/roster/model.py" line="153"/>
        <source>✔ будет импортирован</source>
        <translation>✔ will be imported</translation>
    </message>
</context>
<context>
    <name>ScheduleEditor</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="46"/>
        <source>Расписание</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="49"/>
        <source>По дням недели</source>
        <translation>By weekdays</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="50"/>
        <source>По датам</source>
        <translation>By dates</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="60"/>
        <source>Добавить день</source>
        <translation>Add day</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="77"/>
        <source>Добавить дату</source>
        <translation>Add date</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="79"/>
        <source>Удалить дату</source>
        <translation>Delete date</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="103"/>
        <source>Изменение расписания пересоздаёт будущие занятия; занятия с отметками сохраняются.</source>
        <translation>A schedule change regenerates future lessons; lessons with marks are kept.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/schedule_editor.py" line="200"/>
        <source>Введите дату занятия (ДД.ММ.ГГГГ), затем нажмите «Добавить дату».</source>
        <translation>Enter the lesson date (DD.MM.YYYY), then click &quot;Add date&quot;.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="79"/>
        <source>Настройки</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="89"/>
        <source>Общие</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="90"/>
        <source>Портал</source>
        <translation>Portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="91"/>
        <source>Данные</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="92"/>
        <source>Печать</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="112"/>
        <source>Язык меняется после перезапуска программы.</source>
        <translation>The language changes after a restart of the app.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="117"/>
        <source>только вручную</source>
        <translation>by hand only</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="118"/>
        <source>каждые %1 мин</source>
        <translation>every %1 min</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="119"/>
        <source>каждые %1 ч</source>
        <translation>every %1 h</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="135"/>
        <source>не подключён</source>
        <translation>not connected</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="136"/>
        <source>Проверить соединение</source>
        <translation>Test the connection</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="149"/>
        <source>Отключить ПК от Навигатора…</source>
        <translation>Disconnect the PC from the Navigator…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="150"/>
        <source>Отключить ПК от портала…</source>
        <translation>Disconnect the PC from the portal…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="156"/>
        <source>Ключ доступа к порталу удаляется с этого ПК; данные остаются. Подключить ПК снова можно новым кодом подключения.</source>
        <translation>The portal access key is removed from this PC; the data stay. The PC can be connected again with a new connection code.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="198"/>
        <source>Уважительная причина
отправляется в Навигатор как:</source>
        <translation>An excused absence
is sent to the Navigator as:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="216"/>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="224"/>
        <source>Открыть папку</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="124"/>
        <source>Язык интерфейса:</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="126"/>
        <source>Синхронизировать, пока программа открыта:</source>
        <translation>Synchronise while the app is open:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="195"/>
        <source>Портал:</source>
        <translation>Portal:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="147"/>
        <source>Включается командой pfdo-desktop schedule install</source>
        <translation>Turned on by the command pfdo-desktop schedule install</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="204"/>
        <source>Синхронизация по расписанию:</source>
        <translation>Scheduled synchronisation:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="228"/>
        <source>Другой диск или флешка: копии переживут поломку этого диска. В копиях — персональные данные детей (ФИО, СНИЛС, даты рождения) без шифрования: храните флешку под замком или используйте зашифрованную (например, BitLocker To Go).</source>
        <translation>Another disk or a USB stick: the copies survive a failure of this disk. The copies hold the children&apos;s personal data (names, SNILS, dates of birth) unencrypted: keep the stick locked away or use an encrypted one (for example, BitLocker To Go).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="264"/>
        <source>Папка данных:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="268"/>
        <source>Резервные копии:</source>
        <translation>Backups:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="145"/>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="376"/>
        <source>Проверяю…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="154"/>
        <source>Пароль и ключи доступа к Навигатору удаляются с этого ПК; данные остаются. Подключить ПК снова можно e-mail и паролем организации.</source>
        <translation>The Navigator password and access keys are removed from this PC; the data stay. The PC can be connected again with the organisation&apos;s e-mail and password.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="170"/>
        <source>«не был»</source>
        <translation>“absent”</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="171"/>
        <source>«болел»</source>
        <translation>“ill”</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="178"/>
        <source>В Навигаторе у посещения три отметки: был, не был, болел. Отметка «уважительная причина» из журнала уходит туда как выбранная здесь, а на этом ПК остаётся уважительной. Отметки, уже отправленные, не меняются.</source>
        <translation>The Navigator has three attendance marks: present, absent, ill. An “excused” mark of the journal goes there as the one chosen here and stays excused on this PC. Marks already sent do not change.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="190"/>
        <source>Сколько отметок отправлять в Навигатор одновременно. Сервер Навигатора общий на весь регион: больше 3 — только если так разрешил региональный оператор.</source>
        <translation>How many marks to send to the Navigator at once. The Navigator&apos;s server is shared by the whole region: more than 3 only if the regional operator allows it.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="195"/>
        <source>Навигатор:</source>
        <translation>Navigator:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="200"/>
        <source>Запросов к Навигатору
одновременно:</source>
        <translation>Requests to the Navigator
at once:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="218"/>
        <source>Перенести…</source>
        <translation>Move…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="219"/>
        <source>Перенести базу и резервные копии в другую папку или на другой диск</source>
        <translation>Move the database and the backups to another folder or another disk</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="226"/>
        <source>Изменить…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="232"/>
        <source>Как обычно</source>
        <translation>As usual</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="233"/>
        <source>Папка backups в папке данных</source>
        <translation>The backups folder in the data folder</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="239"/>
        <source>%1 дней</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="241"/>
        <source>Лишние ежедневные копии удаляются, начиная с самых старых; копии перед обновлением программы и после подключения к порталу хранятся отдельно.</source>
        <translation>Extra daily copies are deleted, the oldest first; the copies made before an update of the program and after connecting to the portal are kept apart.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="259"/>
        <source>Учебные данные не переносятся.</source>
        <translation>Training data are not moved.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="270"/>
        <source>Хранить ежедневные копии:</source>
        <translation>Keep daily copies:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="276"/>
        <source>Принтер по умолчанию системы</source>
        <translation>The system&apos;s default printer</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="281"/>
        <source>%1 (сейчас не найден)</source>
        <translation>%1 (not found now)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="284"/>
        <source>Печатать на обеих сторонах листа (если принтер умеет)</source>
        <translation>Print on both sides of the sheet (if the printer can)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="287"/>
        <source>Бумага — A4: все формы программы рассчитаны на A4 (журнал и реестр договоров — альбомные). Принтер и двусторонняя печать выбираются заранее в окне печати; там же их можно изменить для одного документа.</source>
        <translation>Paper: A4 — every form of the program is made for A4 (the journal and the register of contracts in landscape). The printer and double-sided printing chosen here are preset in the print dialog; they can be changed there for one document.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="294"/>
        <source>Принтеры в системе не найдены: документ можно сохранить в PDF.</source>
        <translation>No printers found in the system: a document can be saved as a PDF.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="297"/>
        <source>Принтер:</source>
        <translation>Printer:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="340"/>
        <source>не настроена (pfdo-desktop schedule install)</source>
        <translation>not set up (pfdo-desktop schedule install)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="344"/>
        <source>следующая %1</source>
        <translation>next %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="346"/>
        <source>последняя %1 (%2)</source>
        <translation>last %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="381"/>
        <source>Портал «%1» отвечает (%2 мс).</source>
        <translation>The portal «%1» answers (%2 ms).</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="413"/>
        <source>После отключения ПК перестанет синхронизироваться: пароль и ключи доступа к Навигатору будут удалены из хранилища паролей этого ПК, а при следующем запуске программа предложит подключиться заново (нужны e-mail и пароль организации в Навигаторе). Журнал, дети и заявки останутся на этом ПК.

Если компьютер передают другой организации, удалите папку данных (или перенесите её на носитель своей организации) — в ней персональные данные ваших детей — и смените пароль организации в Навигаторе. Новая организация подключается в своей папке данных.</source>
        <translation>Once disconnected, the PC stops syncing: the Navigator password and access keys are removed from this PC&apos;s password store, and at the next start the program offers to connect again (the organisation&apos;s e-mail and password in the Navigator are needed). The journal, the children and the applications stay on this PC.

If the computer is handed over to another organisation, delete the data folder (or move it to your organisation&apos;s storage) — it holds your children&apos;s personal data — and change the organisation&apos;s password in the Navigator. The new organisation connects in its own data folder.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="421"/>
        <source>После отключения ПК перестанет синхронизироваться: ключ доступа к порталу будет удалён из хранилища паролей этого ПК, а при следующем запуске программа предложит подключиться заново (нужен новый одноразовый код из муниципального опорного центра). Журнал, дети и заявки останутся на этом ПК. На портале запись об этом ПК остаётся, пока её не отзовёт опорный центр.

Если компьютер передают другой организации, этого мало: попросите опорный центр отозвать этот ПК и удалите папку данных (или перенесите её на носитель своей организации) — в ней персональные данные ваших детей. Новая организация подключается в своей папке данных.</source>
        <translation>Once disconnected, the PC stops syncing: the portal access key is removed from this PC&apos;s password store, and at the next start the program offers to connect again (a new one-time code from the municipal support centre is needed). The journal, the children and the applications stay on this PC. The portal keeps its record of this PC until the support centre revokes it.

If the computer is handed over to another organisation, this is not enough: ask the support centre to revoke this PC and delete the data folder (or move it to your organisation&apos;s storage) — it holds your children&apos;s personal data. The new organisation connects in its own data folder.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="429"/>
        <source>Отключить ПК от портала</source>
        <translation>Disconnect the PC from the portal</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="435"/>
        <source>На портал ещё не отправлено изменений: %1. Сначала синхронизируйте, чтобы они дошли до портала. Если отключить всё равно, они останутся на этом ПК и уйдут, когда его снова подключат к тому же порталу и той же организации.</source>
        <translation>Changes not yet sent to the portal: %1. Sync first so that they reach the portal. If you disconnect anyway, they stay on this PC and go when it is connected again to the same portal and the same organisation.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="438"/>
        <source>Отключить всё равно</source>
        <translation>Disconnect anyway</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="440"/>
        <source>Отключить</source>
        <translation>Disconnect</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="441"/>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="507"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="453"/>
        <source>Отключаю…</source>
        <translation>Disconnecting…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="461"/>
        <source>ПК отключён от Навигатора. Чтобы подключить его снова, выберите «Сервис → Подключить к порталу» и введите e-mail и пароль организации.</source>
        <translation>The PC is disconnected from the Navigator. To connect it again, choose “Service → Connect to the portal” and enter the organisation&apos;s e-mail and password.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="463"/>
        <source>ПК отключён от портала. Чтобы подключить его снова, выберите «Сервис → Подключить к порталу» и введите новый код.</source>
        <translation>The PC is disconnected from the portal. To connect it again, choose “Service → Connect to the portal” and enter a new code.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="466"/>
        <source>Не отправлено на портал: %1 — изменения сохранены на этом ПК.</source>
        <translation>Not sent to the portal: %1 — the changes are kept on this PC.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="490"/>
        <source>Новая папка данных (пустая или новая)</source>
        <translation>New data folder (empty or new)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="498"/>
        <source>Перенести данные программы из папки %1 в папку %2?

Программа скопирует базу, резервные копии и журналы, проверит копию и дальше будет работать с новой папкой; прежняя папка будет удалена только после успешной проверки. Синхронизация по расписанию будет перенесена на новую папку. Во время переноса работать с программой нельзя.</source>
        <translation>Move the program&apos;s data from the folder %1 to the folder %2?

The program copies the database, the backups and the logs, checks the copy and then works with the new folder; the old folder is deleted only after a successful check. The scheduled sync moves to the new folder. The program cannot be used while moving.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="503"/>
        <source>Перенести папку данных</source>
        <translation>Move the data folder</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="506"/>
        <source>Перенести</source>
        <translation>Move</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="521"/>
        <source>Переношу данные…</source>
        <translation>Moving the data…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="561"/>
        <source>Папка сейчас недоступна (диск или флешка не подключены): копии сохраняются в %1.</source>
        <translation>The folder is not available now (the disk or USB stick is not connected): copies are saved in %1.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="564"/>
        <source>Изменение вступит в силу после «Сохранить»: в новую папку сразу будет сделана копия.</source>
        <translation>The change takes effect after “Save”: a copy is made in the new folder at once.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="574"/>
        <source>Папка для резервных копий</source>
        <translation>Folder for backups</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/settings_dialog.py" line="617"/>
        <source>Сохраняю резервную копию в выбранную папку…</source>
        <translation>Saving a backup to the chosen folder…</translation>
    </message>
</context>
<context>
    <name>SlotRow</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="46"/>
        <source>понедельник</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="47"/>
        <source>вторник</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="48"/>
        <source>среда</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="49"/>
        <source>четверг</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="50"/>
        <source>пятница</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="51"/>
        <source>суббота</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="52"/>
        <source>воскресенье</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="183"/>
        <source>кабинет</source>
        <translation>room</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="186"/>
        <source>Удалить этот день</source>
        <translation>Delete this day</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="196"/>
        <source>с</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="198"/>
        <source>до</source>
        <translation>to</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="161"/>
        <source>Запускаю демонстрационный портал и загружаю данные…</source>
        <translation>Starting the demo portal and loading data…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="178"/>
        <source>Открываю базу данных…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="221"/>
        <source>Демо: портал запущен на %1, каталог для родителей — %1/catalog</source>
        <translation>Demo: the portal runs at %1, the parents&apos; catalogue at %1/catalog</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="268"/>
        <source>ПК подключён: %1. Данные загружены.</source>
        <translation>PC connected: %1. Data loaded.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="272"/>
        <source>ПК подключён: %1. Данные загрузятся при следующей синхронизации.</source>
        <translation>PC connected: %1. The data will be loaded at the next sync.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="276"/>
        <source>ПК не подключён к порталу: отметки сохраняются, отправить их можно после подключения.</source>
        <translation>This PC is not connected to the portal: marks are saved and can be sent once it is connected.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="298"/>
        <source>Не удалось открыть данные программы.</source>
        <translation>The program&apos;s data could not be opened.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="315"/>
        <source>Восстановить из резервной копии…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/app.py" line="317"/>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>StringListEditor</name>
    <message>
        <location filename="../../pfdo_desktop/ui/programs/widgets.py" line="113"/>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>StudyForm</name>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="138"/>
        <source>очная</source>
        <translation>full-time</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="139"/>
        <source>очно-заочная</source>
        <translation>part-time</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="140"/>
        <source>заочная</source>
        <translation>distance</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/common/domain_words.py" line="141"/>
        <source>очная с применением дистанционных технологий</source>
        <translation>full-time with distance learning technologies</translation>
    </message>
</context>
<context>
    <name>SyncProgress</name>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/progress.py" line="19"/>
        <source>Отправка %1 из %2</source>
        <translation>Sending %1 of %2</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/progress.py" line="22"/>
        <source>Получено записей: %1</source>
        <translation>Records received: %1</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/progress.py" line="23"/>
        <source>Связь с порталом…</source>
        <translation>Contacting the portal…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/progress.py" line="32"/>
        <source>осталось меньше минуты</source>
        <translation>less than a minute left</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/progress.py" line="35"/>
        <source>осталось ≈ %1 мин</source>
        <translation>about %1 min left</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/progress.py" line="39"/>
        <source>осталось ≈ %1 ч</source>
        <translation>about %1 h left</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/progress.py" line="40"/>
        <source>осталось ≈ %1 ч %2 мин</source>
        <translation>about %1 h %2 min left</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/sync/progress.py" line="48"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>UpdateDialog</name>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="106"/>
        <source>Доступна версия %1</source>
        <translation>Version %1 is available</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="109"/>
        <source>Портал опубликовал PFDO Desktop %1. Что нового:</source>
        <translation>The portal has published PFDO Desktop %1. What is new:</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="114"/>
        <source>Портал не описал изменения.</source>
        <translation>The portal has not described the changes.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="115"/>
        <source>Файл установки скачивается только по кнопке «Скачать» и проверяется по контрольной сумме портала.</source>
        <translation>The installer is downloaded only when you press «Download» and is checked against the portal&apos;s checksum.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="121"/>
        <source>Скачать</source>
        <translation>Download</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="124"/>
        <source>Установить</source>
        <translation>Install</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="125"/>
        <source>Открыть проверенный файл установки (его откроет система)</source>
        <translation>Open the checked installer (the system opens it)</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="128"/>
        <source>Позже</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="154"/>
        <source>Скачиваю…</source>
        <translation>Downloading…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="173"/>
        <source>Скачано %1 МБ…</source>
        <translation>Downloaded %1 MB…</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="178"/>
        <source>Файл скачан и проверен: %1. Нажмите «Установить», затем закройте программу, чтобы установщик мог её обновить.</source>
        <translation>The file is downloaded and checked: %1. Press «Install», then close the program so that the installer can update it.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="191"/>
        <source>Не удалось скачать новую версию из-за внутренней ошибки.</source>
        <translation>The new version could not be downloaded because of an internal error.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="212"/>
        <source>Установщик открыт. Закройте программу, чтобы он мог заменить её файлы.</source>
        <translation>The installer is open. Close the program so that it can replace its files.</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="215"/>
        <source>Система не открыла файл. Откройте его сами: %1</source>
        <translation>The system did not open the file. Open it yourself: %1</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="56"/>
        <source>Портал опубликовал новую версию программы: что в ней нового и как её установить</source>
        <translation>The portal has published a new version of the program: what is new in it and how to install it</translation>
    </message>
    <message>
        <location filename="../../pfdo_desktop/ui/update_notice.py" line="76"/>
        <source>Доступна версия %1</source>
        <translation>Version %1 is available</translation>
    </message>
</context>
</TS>
